#!/usr/bin/env python3
"""Deterministic generator of a synthetic Model UN archive in caucus's .txt format.

    python3 bench/gen_corpus.py --out bench/work/corpus-200M --size 200M [--seed 6]

Writes papers (400-900 words each) into one folder per committee until the total
text reaches the target size, and a manifest.json beside them recording, for each
planted term, the exact number of passages (paragraphs) that contain it.

Every paper is generated from its own seeded RNG (seed, paper number), so the
output is byte-identical for the same seed and size whatever the number of worker
processes. Python 3 standard library only.

Paragraphs are kept at most ~110 words so that caucus never splits one at sentences:
one paragraph = one passage, for caucus and for the FTS5 baseline alike.
"""

import argparse
import bisect
import itertools
import json
import multiprocessing
import os
import random
import re
import sys

# ~193 UN member states, names as caucus's country table spells them.
COUNTRIES = """Afghanistan|Albania|Algeria|Andorra|Angola|Antigua and Barbuda|Argentina|Armenia|Australia|Austria|Azerbaijan|Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia and Herzegovina|Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|Cabo Verde|Cambodia|Cameroon|Canada|Central African Republic|Chad|Chile|China|Colombia|Comoros|Republic of the Congo|Costa Rica|Côte d'Ivoire|Croatia|Cuba|Cyprus|Czech Republic|North Korea|Democratic Republic of the Congo|Denmark|Djibouti|Dominica|Dominican Republic|Ecuador|Egypt|El Salvador|Equatorial Guinea|Eritrea|Estonia|Eswatini|Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|Guatemala|Guinea|Guinea-Bissau|Guyana|Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kiribati|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Marshall Islands|Mauritania|Mauritius|Mexico|Micronesia|Moldova|Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Namibia|Nauru|Nepal|Netherlands|New Zealand|Nicaragua|Niger|Nigeria|North Macedonia|Norway|Oman|Pakistan|Palau|Panama|Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|South Korea|Romania|Russia|Rwanda|Saint Kitts and Nevis|Saint Lucia|Saint Vincent and the Grenadines|Samoa|San Marino|São Tomé and Príncipe|Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|Slovenia|Solomon Islands|Somalia|South Africa|South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syria|Tajikistan|Tanzania|Thailand|Timor-Leste|Togo|Tonga|Trinidad and Tobago|Tunisia|Türkiye|Turkmenistan|Tuvalu|Uganda|Ukraine|United Arab Emirates|United Kingdom|United States|Uruguay|Uzbekistan|Vanuatu|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe""".split("|")

# 20 committees: (code, full name, topics).
COMMITTEES = [
    ("DISEC", "Disarmament and International Security Committee", ["Autonomous Weapons Systems", "Small Arms Trafficking", "Cyber Warfare"]),
    ("ECOFIN", "Economic and Financial Committee", ["Sovereign Debt Relief", "Financial Inclusion", "Illicit Financial Flows"]),
    ("SOCHUM", "Social, Humanitarian and Cultural Committee", ["Rights of Migrants", "Freedom of the Press", "Elderly Persons"]),
    ("SPECPOL", "Special Political and Decolonization Committee", ["Peacekeeping Reform", "Outer Space Militarisation", "Non-Self-Governing Territories"]),
    ("LEGAL", "Legal Committee", ["Universal Jurisdiction", "Crimes Against Humanity", "Rule of Law"]),
    ("UNSC", "Security Council", ["Situation in the Sahel", "Maritime Piracy", "Protection of Civilians"]),
    ("ECOSOC", "Economic and Social Council", ["Youth Unemployment", "Digital Divide", "Sustainable Urbanisation"]),
    ("HRC", "Human Rights Council", ["Right to Privacy", "Human Rights Defenders", "Statelessness"]),
    ("CSW", "Commission on the Status of Women", ["Women in Peace Processes", "Economic Empowerment of Women", "Gender-Based Violence"]),
    ("CND", "Commission on Narcotic Drugs", ["Online Drug Trafficking", "Synthetic Opioids", "Alternative Development"]),
    ("CCPCJ", "Commission on Crime Prevention and Criminal Justice", ["Cybercrime", "Trafficking in Persons", "Prison Reform"]),
    ("COPUOS", "Committee on the Peaceful Uses of Outer Space", ["Space Debris", "Satellite Data for Disasters", "Lunar Resources"]),
    ("UNHCR", "United Nations High Commissioner for Refugees", ["Climate Displacement", "Refugee Education", "Protracted Refugee Situations"]),
    ("UNICEF", "United Nations Children's Fund", ["Child Labour", "Children in Armed Conflict", "Early Childhood Nutrition"]),
    ("UNEP", "United Nations Environment Programme", ["Plastic Pollution", "Biodiversity Loss", "Air Quality"]),
    ("UNEA", "United Nations Environment Assembly", ["Chemicals and Waste", "Critical Minerals", "Ocean Governance"]),
    ("WHO", "World Health Organization", ["Pandemic Preparedness", "Antimicrobial Resistance", "Mental Health"]),
    ("UNESCO", "United Nations Educational, Scientific and Cultural Organization", ["Protection of Cultural Heritage", "Artificial Intelligence Ethics", "Education in Emergencies"]),
    ("IAEA", "International Atomic Energy Agency", ["Nuclear Safety", "Peaceful Nuclear Energy", "Safeguards Verification"]),
    ("FAO", "Food and Agriculture Organization of the United Nations", ["Food Security", "Sustainable Fisheries", "Locust Outbreaks"]),
]

# Real English words, roughly from most to least frequent: function words first,
# then the vocabulary of diplomacy and policy, then general English. Sampled with
# a Zipf law by rank, so the head is very common and the tail rare.
WORDS = """
the of and to in a is that for on with as by be are this it from at which or its
has have was not their an all these also will been more other such can but were
has its they would should must into than between through under over within upon
our we us both each any most many some further only new including while where when
who whose whether however therefore thus without against among during before after
international national state states government governments member countries country
nations united council committee commission assembly resolution resolutions delegation
development security rights human support cooperation global regional framework policy
policies measures implementation efforts programme programmes organisation organization
public sector private law laws legal system systems access information data report
reports agreement agreements convention conventions treaty treaties protocol protocols
peace conflict crisis humanitarian assistance aid funding financial economic social
political cultural environmental health education women children youth people population
communities community local rural urban capacity building technical training institutions
institution civil society partners partnership partnerships stakeholders agencies agency
sustainable climate change energy water food land ocean oceans marine forest forests
trade market markets investment investments growth poverty inequality employment labour
violence protection prevention response recovery reconstruction resilience risk risks
issue issues problem problems challenge challenges solution solutions approach approaches
action actions plan plans strategy strategies goal goals target targets progress results
number level levels rate rates area areas region regions world year years time period
current recent future long term short first second third key major important significant
particular specific general common effective necessary possible available relevant
strong clear full high low large small great better best greater increased increasing
continue continued ensure ensuring promote promoting provide providing develop developing
strengthen strengthening establish established establishing address addressing reduce
reducing improve improving support supported supports encourage encourages encouraged
recognise recognises recognizes recognized believe believes urge urges call calls
remain remains continue continues include includes included consider considers
emphasise emphasises stress stresses welcome welcomes note notes recall recalls
reaffirm reaffirms affirm affirms propose proposes proposed recommend recommends
request requests invite invites adopt adopts adopted implement implements implemented
share shared sharing exchange exchanges monitor monitoring evaluation assessment review
reporting transparency accountability governance oversight compliance enforcement
justice criminal crime crimes court courts tribunal judicial police border borders
migration migrants refugees refugee asylum displacement displaced persons person
arms weapons nuclear disarmament proliferation military forces armed terrorism terrorist
cyber digital technology technologies internet online platforms platform networks
network infrastructure transport communications media press freedom expression speech
privacy surveillance protection personal identity citizens citizenship democracy
elections electoral parliament minister ministry department office secretary general
president prime foreign affairs interior defence defense finance justice health
hospital hospitals disease diseases vaccine vaccines medicine medicines treatment care
drug drugs narcotic narcotics substances substance trafficking traffickers smuggling
cocaine heroin opioids opioid cannabis methamphetamine precursor precursors chemicals
seizure seizures laboratory laboratories production cultivation farmers crops farming
agriculture agricultural harvest soil irrigation drought floods flooding disaster
disasters emergency emergencies early warning preparedness relief shelter sanitation
hygiene nutrition hunger malnutrition famine fisheries fishing fish coastal island
islands small developing least developed landlocked middle income countries economies
debt loans credit banks banking tax taxes revenue budget spending fiscal monetary
currency inflation prices price costs cost benefits benefit value values principle
principles standards standard norms norm rules rule guidelines guideline mechanism
mechanisms instrument instruments body bodies entity entities working group groups
expert experts panel session sessions meeting meetings conference summit dialogue
negotiations negotiation consensus vote votes voting majority sovereignty territorial
integrity independence self determination decolonization territories territory
occupation occupied ceasefire peacekeeping mission missions troops operations operation
civilians civilian casualties victims victim survivors survivor families family
gender equality empowerment discrimination girls boys child labour school schools
students teachers learning literacy university universities research science scientific
innovation knowledge skills jobs workers work workforce industry industrial
manufacturing companies company business businesses enterprises entrepreneurs
supply chain chains production consumption waste plastic plastics pollution emissions
carbon greenhouse gas gases renewable solar wind hydropower electricity grid fossil
fuels oil coal mining minerals critical resources natural biodiversity species
ecosystems ecosystem wildlife conservation protected restoration degradation
deforestation desertification adaptation mitigation finance loss damage vulnerable
vulnerability poorest marginalized indigenous peoples minorities minority elderly
disabilities disability inclusion inclusive participation representation leadership
space outer satellite satellites debris orbit launch exploration lunar moon atmosphere
radiation safety safeguards verification inspection inspections reactor reactors
uranium material materials export exports import imports customs control controls
licence licensing regulation regulations regulatory authority authorities officials
officers staff personnel resources allocation contributions contribution donors donor
voluntary fund funds trust grant grants financing mobilization commitment commitments
pledge pledges obligations obligation responsibility responsibilities duty role roles
importance need needs demand demands concern concerns interest interests position
positions view views perspective experience experiences lessons example examples case
cases evidence studies study analysis findings statistics figures estimates percent
million billion thousand hundred dozens several various different diverse numerous
across around throughout beyond along toward towards despite although because since
unless until already still again often always never sometimes particularly especially
notably currently recently previously increasingly significantly largely mainly
primarily directly effectively fully closely jointly together alone very well much
even just rather quite almost nearly about above below near far away here there
today tomorrow yesterday now then soon later ago once twice ever every whole entire
own same another few little less least several enough own able unable likely unlikely
""" + """
abandon ability abroad absence absolute absorb abuse academic accept acceptable accident
accompany accomplish account accurate accuse achieve achievement acknowledge acquire
acre act active activist activity actor actual adapt add addition additional adequate
adjust administration administrative admire admit adolescent adult advance advanced
advantage adventure advice advise adviser advocate affect afford afraid age aged ageing
agenda agent aggressive agree ahead aim aircraft airline airport alarm album alcohol
alert alive alliance allow ally alter alternative amazing ambassador ambition amendment
amount analyst ancient angle angry animal anniversary announce annual answer
anticipate anxiety apart apartment apparent appeal appear application apply appoint
appointment appreciate appropriate approval approve architect architecture argue
argument arise arm army arrange arrangement arrest arrival arrive article artist
aside ask aspect assault assert assess asset assign assist associate association
assume assumption attach attack attempt attend attention attitude attorney attract
attractive audience author auto automatic average avoid award aware awareness
background bad bag balance ball ban band bank bar barely barrier base basic basis
battle bay beach bear beat beautiful beauty become bed begin beginning behaviour
behind being belief belong beneath bet bill billion bind biological bird birth bit
bitter black blame blind block blood blow blue board boat bond bone book boost
boot bottom boundary brain branch brand brave bread break breakfast breath brick
bridge brief bright brilliant bring broad broadcast broken brother budget build
burden bureau burn bury bus busy buy cabinet cable calculate call calm camera
camp campaign cancer candidate capable capital captain capture car carbon card
career careful carefully carrier carry cash cast cat catch category cause celebrate
cell center central centre century ceremony chain chair chairman champion chance
channel chapter character charge charity chart chase cheap check cheese chemical
chief chip choice choose church circle circumstance cite city claim class classic
classroom clean clearly climb clinic clock close cloth clothes cloud club coach
coal coalition coast coat code coffee cognitive cold collapse colleague collect
collection collective college colonial colony colour column combat combination
combine comfort comfortable command comment commercial commission commit commodity
communicate communication compare comparison compete competition competitive
complain complaint complete completely complex complexity component compose
comprehensive compromise computer concentrate concentration concept concert
conclude conclusion concrete condition conduct confidence confident confirm
confront confusion congress connect connection conscious consequence conservative
consist consistent constant constitute constitution constitutional construct
construction consultant consume consumer contact contain container contemporary
content contest context continent contract contrast control controversial
controversy convert conviction convince cook cool cooperate cooperative coordinate
coordination cope copy core corner corporate corporation correct corridor corruption
cotton council counsel count counter county couple courage course cover coverage
crack craft crash create creation creative creature credibility crew crime crisis
criterion critic critical criticism criticize crop cross crowd crucial cry cultivate
culture cup curious curriculum customer cut cycle daily dam damage dance danger
dangerous dare dark database date daughter day dead deadline deal dealer dear death
debate decade decide decision deck declaration declare decline decrease deep
deeply defeat defend defendant defensive deficit define definitely definition degree
delay deliberate deliver delivery demand democratic demonstrate demonstration deny
depend dependent deploy deployment deposit depression depth deputy derive describe
description desert deserve design designer desire desk desperate destination destroy
destruction detail detailed detect determine devastating device devote diagnosis
diet differ difference difficult difficulty dig dimension dinner diplomat diplomatic
diplomacy direct direction director dirty disabled disagree disappear disaster
discipline discourse discover discovery discuss discussion dismiss disorder display
dispute distance distant distinct distinction distinguish distribute distribution
district divide division divorce doctor doctrine document domain domestic dominant
dominate door double doubt downtown draft drag drama dramatic draw drawing dream
dress drink drive driver drop dry due dust duty eager ear earn earnings earth ease
easily east eastern easy eat economics economist economy edge edition editor educate
educational educator effect efficiency efficient effort egg eight either elder elect
election electric electronic element eliminate elite else elsewhere email embassy
emerge emergence emission emotion emotional emphasis empire employ employee employer
empty enable encounter encouragement end enemy engage engagement engine engineer
engineering enhance enjoy enormous enter entertainment enthusiasm entire entirely
entrance entry environment episode equal equally equipment equivalent era error
escape essay essential essentially establishment estate estimate ethical ethics
ethnic evaluate evening event eventually everybody everyday everyone everything
everywhere evident evolution evolve exact exactly examination examine exceed
excellent exception excessive exchange excitement exclude exclusive excuse execute
execution executive exercise exhibit exhibition exist existence existing exit expand
expansion expect expectation expenditure expense expensive experiment explain
explanation explicit explode exploit explore explosion expose exposure extend
extension extensive extent external extra extraordinary extreme extremely eye fabric
face facility fact factor factory faculty fail failure fair fairly faith fall false
familiar famous fan fantasy farm farmer fashion fast fat fate father fault favour
favourite fear feature federal fee feed feel feeling fellow female fence fibre
fiction field fifteen fifth fight fighter fighting file fill film final finally
find finding fine finger finish fire firm fiscal fit fix flag flat flee fleet flesh
flight float flood floor flow flower fly focus folk follow following foot football
force forecast foreign forest forever forget form formal format formation former
formula forth fortune forum forward foster found foundation founder fraction frame
franchise fraud free freely frequency frequent frequently fresh friend friendly
friendship front fruit frustration fuel fulfil function functional fundamental
funeral funny furniture gain gallery game gang gap garage garden gate gather gay
gaze gear gene general generally generate generation generous genetic genius genre
gentle genuine gesture giant gift give given glad glance glass global glove golden
good goods govern grab grade gradually graduate grain grand grandfather grant graph
grass grave gray ground grow growing guarantee guard guess guest guidance guide
guilty gun guy habit habitat hair half hall hand handful handle hang happen happy
harbour hard hardly harm harmful hat hate head headline heal healthy hear hearing
heart heat heaven heavily heavy height help helpful heritage hero hide highlight
highly highway hill hire historian historic historical history hit hold hole
holiday holy home homeland homeless honest honey honour hope horizon horror horse
host hostile hot hotel hour house household housing huge humanity humour hunt
hunting hurt husband hypothesis ice idea ideal identify ideology ignore ill illegal
illness illustrate image imagination imagine immediate immediately immigrant
immigration impact implication imply impose impossible impress impression
impressive improvement incentive incident income incorporate increase incredible
indeed index indicate indication individual industrial infant infection inflation
influence inform informal ingredient inherent initial initially initiative injury
inner innocent input inquiry inside insight insist install instance instead
institutional instruction insurance intellectual intelligence intend intense
intensity intention interaction interested interesting interior interpret
interpretation intervention interview introduce introduction invasion invest
investigate investigation investigator investor invisible involve involved
involvement iron isolation item jacket jail joint joke journal journalist journey
joy judge judgment juice jump junior jury kid kill killer killing kind king kitchen
knee knife knock label laboratory lack ladder lady lake landscape lane language
lap largely last late latter laugh launch lawn lawsuit lawyer lay layer lead leader
leading leaf league lean learn lease leather leave lecture left leg legacy legend
legislation legislative legitimate lend length lesson let letter liability liberal
liberty library license lie life lifestyle lifetime lift light like limit limitation
limited line link lip list listen literally literary literature live living load
loan lobby location lock long look loose lose loss lost lot loud love lovely lover
lower luck lucky lunch lung machine mad magazine mail main maintain maintenance
make male mall manage management manager manner manufacturer map margin mark
marketing marriage married mass massive master match mate math matter maximum maybe
mayor meal mean meaning meanwhile measure measurement meat mechanical medal medical
medication medium meet member membership memory mental mention menu mere merely
mess message metal method middle might migration mild mile military milk mind
mine minimum minister minor minute miracle mirror miss missile mission mistake
mix mixture mobile mode model moderate modern modest mom moment money monitor
month mood moral morning mortgage mother motion motivation motive motor mount
mountain mouse mouth move movement movie multiple murder muscle museum music
musical musician mutual mysterious myth naked name narrative narrow nation native
natural naturally nature nearby necessarily neck negative negotiate neighbour
neighbourhood neither nerve nervous net neutral nevertheless news newspaper next
nice night nobody nod noise nomination none nonetheless nor normal normally north
northern nose notable note nothing notice notion novel nowhere nuclear nurse nut
object objective obligation observation observe observer obtain obvious obviously
occasion occasionally occupation occupy occur odd odds offence offensive offer
officer official ok old olympic ongoing onion open opening openly opera operate
operating operator opinion opponent opportunity oppose opposite opposition option
orange order ordinary organic organize orientation origin original originally
otherwise outcome outside outstanding overall overcome overlook owe owner ownership
pace pack package page pain painful paint painter painting pair pale palm pan
panel paper parent park parking part participant participate particle partly
partner party pass passage passenger passion past patch path patient pattern pause
pay payment peak peer penalty pension pepper perceive percentage perception perfect
perfectly perform performance perhaps permanent permission permit personality
personally persuade phase phenomenon philosophy phone photo photograph phrase
physical physically physician piano pick picture piece pile pilot pine pink pipe
pitch place plain planet planning plant plastic plate play player pleasure plenty
plot plus pocket poem poet poetry point pole poll pool poor pop popular portion
portrait pose positive possess possession possibility possibly post pot potato
potential potentially pound pour powder power powerful practical practice pray
prayer precisely predict preference pregnancy pregnant preparation prepare
prescription presence present presentation preserve presidential press pressure
pretend pretty prevent previous primary prime prince princess print prior priority
prison prisoner privacy probably procedure proceed process produce producer product
profession professional professor profile profit programme project prominent
promise promotion proof proper properly property proportion proposal prosecutor
prospect protect protein protest proud prove provider province provision
psychological psychology publication publicly publish publisher pull punishment
purchase pure purpose pursue push qualify quality quarter quarterback question
quick quickly quiet quietly quit quote race racial radical radio rail rain raise
range rank rapid rapidly rare rarely rat rating ratio raw reach react reaction
read reader readily reading ready real realistic reality realize really reason
reasonable recall receive recipe recognition recommendation record recover recruit
red reduction refer reference reflect reflection reform refugee refuse regard
regardless regime register regular regularly reinforce reject relate relation
relationship relative relatively relax release reliable relief religion religious
rely remarkable remember remind remote remove repeat repeatedly replace reply
represent representative republic reputation require requirement rescue resemble
reservation reserve resident resist resistance resolution resolve resort resource
respect respond respondent responsible rest restaurant restore restriction result
retain retire retirement return reveal revenue reverse revolution rhythm rice rich
rid ride rifle right ring rise rising river road rock romantic roof room root rope
rough roughly round route routine row royal rub ruin rule run running rush sacred
sad safe sake salad salary sale salt sample sanction sand satellite satisfaction
satisfy sauce save saving scale scandal scared scenario scene schedule scheme
scholar scholarship scientist scope score scream screen sea search season seat
secret secretary section sector secure seed seek seem segment seize select
selection senate senator send senior sense sensitive sentence separate sequence
series serious seriously serve service settle settlement seven severe sexual
shade shadow shake shape share sharp sheet shelf shell shift shine ship shirt
shock shoe shoot shooting shop shopping shore short shortly shot shoulder shout
show shower shrug shut sick side sigh sight sign signal significance significantly
silence silent silver similar similarly simple simply sin sing singer single sink
sir sister sit site situation size ski skill skin sky slave sleep slice slide
slight slightly slip slow slowly smart smell smile smoke smooth snap snow soft
software soil solar soldier solid solve somebody somehow someone something
somewhat somewhere son song soon sophisticated sorry sort soul sound soup source
south southern spare speak speaker special specialist species specifically
spectrum speed spend spending spin spirit spiritual split spokesman sport spot
spread spring square squeeze stability stable stadium stage stair stake stand
star stare start starting statement station statistics status stay steady steal
steel step stick stir stock stomach stone stop storage store storm story straight
strange stranger strategic stream street strength stretch strike string strip
stroke structure struggle stuff style subject submit subsequent substantial
succeed success successful successfully sudden suddenly sue suffer sufficient sugar
suggest suggestion suicide suit summer summit sun super supplier supply supporter
suppose sure surely surface surgery surprise surprised surprising surprisingly
surround survey survival survive suspect sustain swear sweep sweet swim swing
switch symbol symptom table tactic tail take tale talent talk tall tank tap tape
task taste taxpayer tea teach teacher teaching team tear teaspoon technical
technique teen teenager telephone telescope television tell temperature temporary
tend tendency tennis tension tent terms terrible territory test testify testimony
testing text thank theatre theme theory therapy thick thin thing think thinking
thought threat threaten throat throw thus ticket tie tight till tiny tip tire
tired tissue title tobacco toe tomato tone tongue tonight tool tooth top topic
toss total totally touch tough tour tourist tournament tower town toy trace track
tradition traditional traffic tragedy trail train transfer transform
transformation transition translate travel treat treatment tree tremendous trend
trial tribe trick trip troop trouble truck truly trust truth try tube tunnel turn
twin type typical typically ugly ultimate ultimately unable uncle undergo
understand understanding unfortunately uniform union unique unit universal
universe unknown unusual upper urban urge useful user usual usually utility
vacation valley valuable variable variation variety vast vegetable vehicle venture
version versus vessel veteran via victory video village violate violation virtual
virtually virtue visible vision visit visitor visual vital voice volume volunteer
vote wage wait wake walk wall wander want war warm warn warning wash waste watch
wave way weak wealth wealthy weapon wear weather wedding week weekend weekly weigh
weight welcome welfare west western wet wheel whereas white wide widely widespread
wife wild willing win wind window wine wing winner winter wipe wire wisdom wise
wish witness wonder wonderful wood wooden word worker working works workshop worried
worry worth wound wrap write writer writing wrong yard yell yellow yield young
youngster zone abolish abundant accelerate accession accord accreditation adherence
adjacent advisory affiliate aggregate allocate ambiguity amend annex appellate
arbitration archipelago arsenal asymmetric audit autonomy bilateral biometric
blockade breach broker bureaucracy caucus certify chamber charter clause
codify coercion collateral commend communique concession condemn confer
confiscate conformity consolidate constituency consular contingent convene
counterpart covenant custody decree delegate delegates deplore deter deterrence
devolution dissemination embargo enact endorse envoy equitable escalation expedite
extradition facilitate feasibility fragile harmonize hegemony impunity indictment
insurgency interoperability jurisdiction liaison mandate mediation memorandum
moratorium multilateral notwithstanding ombudsman plenary pluralism ratify
ratification reciprocity reconciliation referendum remittances reparations
rapporteur sanctions secretariat signatory stakeholder statute subsidiary
succession summit tariff transboundary tripartite unilateral veto whistleblower
""" + """
aquifer arable biomass cartel catchment cholera clandestine contraband corrals
dengue diaspora dredging estuary fentanyl fertiliser floodplain glacier groundwater
hinterland hydrology informant insecticide kelp livestock malaria mangrove
microfinance monsoon mycotoxin nomadic offshore pastoral permafrost pesticide
plankton poaching polio quarantine reef runoff salinity sediment silt smallholder
tributary tsunami typhoon upstream wetland yellowfever zoonotic abattoir
acidification aerosol algae antibiotic antiretroviral biofuel cadastral calorie
cassava cereal coral cyclone deforested desalination effluent emigrant famished
fodder forage gauge grazing hectare herbicide herder husbandry insulin locust
maize millet mosquito pathogen pipeline plantation pollinator rainfall reservoir
sorghum stunting subsidy telemetry tuberculosis vaccination wastewater watershed
"""

# Planted terms: (text, probability per passage). Made-up words are guaranteed
# absent from the vocabulary, so their counts are exact.
PLANTED = [
    ("zyqorblat", 0.0001),          # rare: ~0.01% of passages
    ("quenthavex", 0.001),          # uncommon: ~0.1%
    ("darknet escrow", 0.001),      # phrase, ~0.1%
    ("maritime corridor", 0.01),    # phrase, ~1%
]

SECTIONS = ["I. Background", "II. National Position", "III. Proposed Solutions"]
STARTS = ["{c} believes that", "The delegation of {c} notes that", "{c} urges the committee to recognise that",
          "In the view of {c},", "The Government of {c} stresses that", "{c} recalls that"]


def vocabulary():
    seen, out = set(), []
    for w in WORDS.split():
        if w not in seen:
            seen.add(w)
            out.append(w)
    return out


VOCAB = vocabulary()
# Zipf weights (s = 1.0) by rank.
CUM = list(itertools.accumulate(1.0 / (r + 1) for r in range(len(VOCAB))))


def parse_size(s):
    m = re.fullmatch(r"(\d+(?:\.\d+)?)([KMG]?)B?", s.strip().upper())
    if not m:
        raise SystemExit(f"bad size {s!r}: use e.g. 10M, 200M, 1G")
    return int(float(m.group(1)) * {"": 1, "K": 10**3, "M": 10**6, "G": 10**9}[m.group(2)])


def sentence(rng, n, country):
    if rng.random() < 0.25:
        # The lead counts toward the sentence's words, so paragraph lengths hold.
        lead = rng.choice(STARTS).format(c=country)
        words = rng.choices(VOCAB, cum_weights=CUM, k=max(3, n - len(lead.split())))
        text = lead + " " + " ".join(words)
    else:
        words = rng.choices(VOCAB, cum_weights=CUM, k=n)
        words[0] = words[0].capitalize()
        text = " ".join(words)
    if n > 12 and rng.random() < 0.5:
        i = text.find(" ", len(text) // 2)
        if i > 0:
            text = text[:i] + "," + text[i:]
    return text + "."


def paragraph(rng, nwords, country, planted_counts):
    sents, left = [], nwords
    while left > 0:
        n = min(left, rng.randint(8, 24))
        if left - n < 5:
            n = left
        sents.append(sentence(rng, n, country))
        left -= n
    for i, (term, p) in enumerate(PLANTED):
        if rng.random() < p:
            k = rng.randrange(len(sents))
            s = sents[k][:-1].split(" ")
            s.insert(rng.randint(1, len(s)), term)
            sents[k] = " ".join(s) + "."
            planted_counts[i] += 1
    return " ".join(sents)


def paper(args):
    """One paper: returns (relative path, text, passages, planted counts)."""
    seed, i = args
    rng = random.Random(seed * 1_000_003 + i)
    country = COUNTRIES[rng.randrange(len(COUNTRIES))]
    code, name, topics = COMMITTEES[rng.randrange(len(COMMITTEES))]
    topic = rng.choice(topics)
    counts = [0] * len(PLANTED)
    total = rng.randint(400, 900)
    bib_n = rng.randint(2, 4)
    body = total - bib_n * 12
    lines = [f"Country: {country}", f"Committee: {name} ({code})", f"Topic: {topic}", ""]
    passages = 0
    shares = [0.3, 0.35, 0.35]
    for heading, share in zip(SECTIONS, shares):
        lines.append(heading)
        lines.append("")
        words = max(40, int(body * share))
        while words > 0:
            n = min(words, rng.randint(40, 100))
            if words - n < 30:
                n = min(words, 105)
            lines.append(paragraph(rng, n, country, counts))
            lines.append("")
            passages += 1
            words -= n
    lines.append("Bibliography")
    lines.append("")
    for _ in range(bib_n):
        title = " ".join(rng.choices(VOCAB[150:], k=rng.randint(4, 8))).capitalize()
        lines.append(f'Ministry of Foreign Affairs of {country}. "{title}." Report, {rng.randint(2005, 2025)}.')
        lines.append("")
        passages += 1
    slug = re.sub(r"[^a-z0-9]+", "-", country.lower().encode("ascii", "ignore").decode()).strip("-")
    rel = f"{code.lower()}/{slug}-{i:07d}.txt"
    return rel, "\n".join(lines), passages, counts


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True)
    ap.add_argument("--size", required=True, help="target text size: 10M, 200M, 1G (decimal)")
    ap.add_argument("--seed", type=int, default=6)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    a = ap.parse_args()
    target = parse_size(a.size)
    os.makedirs(a.out, exist_ok=True)
    for code, _, _ in COMMITTEES:
        os.makedirs(os.path.join(a.out, code.lower()), exist_ok=True)
    written = papers = passages = 0
    planted = [0] * len(PLANTED)
    # Papers are asked for in finite batches: a pool fed an endless iterator keeps
    # queueing work in its feeder thread, and terminating it then can hang for good
    # (it did at 1G, after the last file was written).
    batch = 4096
    with multiprocessing.Pool(a.jobs) as pool:
        for start in itertools.count(0, batch):
            numbers = range(start, start + batch)
            for rel, text, n, counts in pool.imap(paper, ((a.seed, i) for i in numbers), chunksize=64):
                data = text.encode("utf-8")
                with open(os.path.join(a.out, rel), "wb") as f:
                    f.write(data)
                written += len(data)
                papers += 1
                passages += n
                planted = [x + y for x, y in zip(planted, counts)]
                if written >= target:
                    break
            if written >= target:
                break
    manifest = {
        "seed": a.seed, "size": a.size, "bytes": written, "papers": papers, "passages": passages,
        "vocabulary": len(VOCAB), "committees": len(COMMITTEES), "countries": len(COUNTRIES),
        "planted_passages": {t: c for (t, _), c in zip(PLANTED, planted)},
        "planted_rates": {t: p for t, p in PLANTED},
    }
    with open(os.path.join(a.out, "..", os.path.basename(a.out.rstrip("/")) + ".manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)
    print(json.dumps(manifest), file=sys.stderr)


if __name__ == "__main__":
    main()
