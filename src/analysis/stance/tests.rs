//! Unit tests of the stance rules, with sentences written for them.

use super::lexicon::*;
use super::*;

/// The stance of `text` toward every occurrence of the words in `query`.
fn st(text: &str, query: &str) -> Stance {
    ev(text, query).stance
}

fn ev(text: &str, query: &str) -> Evidence {
    let low = text.to_lowercase();
    let mut ranges = Vec::new();
    for w in query.split_whitespace() {
        let w = w.to_lowercase();
        let mut from = 0;
        while let Some(p) = low[from..].find(&w) {
            let s = from + p;
            let mut e = s + w.len();
            while e < low.len() && low.as_bytes()[e].is_ascii_alphabetic() {
                e += 1;
            }
            let starts_word = s == 0 || !low.as_bytes()[s - 1].is_ascii_alphanumeric();
            if starts_word {
                ranges.push(s..e);
            }
            from = e;
        }
    }
    ranges.sort_by_key(|r| r.start);
    passage_stance(text, &ranges)
}

/// `st` for a passage read with what is known of it beyond its text.
fn st_in(text: &str, query: &str, reading: &Reading) -> Stance {
    let low = text.to_lowercase();
    let mut ranges = Vec::new();
    for w in query.split_whitespace() {
        let w = w.to_lowercase();
        for (s, _) in low.match_indices(&w) {
            if s == 0 || !low.as_bytes()[s - 1].is_ascii_alphanumeric() {
                let e = s + low[s..]
                    .find(|c: char| !c.is_alphanumeric() && c != '-')
                    .unwrap_or(low.len() - s);
                ranges.push(s..e);
            }
        }
    }
    ranges.sort_by_key(|r| r.start);
    passage_stance_in(text, &ranges, reading).stance
}

use Stance::*;

#[test]
fn lexicon_parses() {
    let lex = lexicon();
    assert!(lex.cues.len() > 300);
    assert!(lex.by_first.contains_key("proposes"));
    assert!(lex.by_first.contains_key("welcoming"));
}

#[test]
fn support_cues() {
    for s in [
        "Belgium supports harm reduction.",
        "Belgium welcomes harm reduction programmes.",
        "The delegation calls for harm reduction services in every prison.",
        "We urge all Member States to ratify the harm reduction protocol.",
        "Portugal proposes a harm reduction framework.",
        "Canada endorses harm reduction.",
        "Germany backs harm reduction.",
        "The Netherlands advocates harm reduction.",
        "Norway champions harm reduction.",
        "Switzerland favours harm reduction.",
        "Belgium is committed to harm reduction.",
        "Belgium encourages harm reduction.",
        "Belgium recommends harm reduction.",
        "Belgium calls on states to fund harm reduction.",
        "Belgium stands ready to share its experience with harm reduction.",
        "A harm reduction resolution should be adopted at the next session.",
        "Harm reduction is essential to any public health response.",
    ] {
        assert_eq!(st(s, "harm reduction"), Support, "{s}");
    }
}

#[test]
fn oppose_cues() {
    for s in [
        "Russia opposes harm reduction.",
        "Russia rejects harm reduction.",
        "Russia firmly rejects harm reduction.",
        "Russia cannot accept harm reduction.",
        "Russia refuses harm reduction programmes.",
        "Russia objects to harm reduction.",
        "Russia is against harm reduction.",
        "Russia warns against harm reduction.",
        "Russia is concerned that harm reduction normalises drug use.",
        "Russia opposes any attempt to introduce harm reduction.",
        "Russia will not support harm reduction.",
        "Russia has serious reservations about harm reduction.",
        "Russia does not believe harm reduction works.",
        "Harm reduction would undermine the conventions.",
        "Harm reduction is premature.",
        "Russia considers a harm reduction mandate premature.",
    ] {
        assert_eq!(st(s, "harm reduction"), Oppose, "{s}");
    }
}

#[test]
fn calls_for_an_end_to() {
    assert_eq!(
        st(
            "Cuba calls for an end to unilateral coercive measures.",
            "unilateral coercive measures"
        ),
        Oppose
    );
    assert_eq!(
        st("We call for the lifting of the embargo.", "embargo"),
        Oppose
    );
    assert_eq!(
        st(
            "The international community continues to demand the end of the unilateral sanctions and the embargo.",
            "unilateral sanctions"
        ),
        Oppose
    );
    // Near miss: "the end of" as a time.
    assert_eq!(
        st(
            "By the end of the year the sanctions committee will report.",
            "sanctions"
        ),
        Mention
    );
    assert_eq!(
        st(
            "We reject unilateral coercive measures.",
            "unilateral coercive measures"
        ),
        Oppose
    );
}

#[test]
fn general_debate_wording() {
    for s in [
        "It is time to lift the cruel and unjust embargo.",
        "We urge for the categorical lifting of the embargo.",
        "Jamaica joins the call for the discontinuation of the embargo against Cuba.",
        "I would like to call once again for an end to the embargo.",
        "Once again, we call on the United States to end the embargo.",
        "Lifting this embargo is more necessary than ever.",
    ] {
        assert_eq!(st(s, "embargo"), Oppose, "{s}");
    }
    assert_eq!(
        st(
            "Malaysia demands that the Security Council impose an arms embargo against Israel.",
            "embargo"
        ),
        Support
    );
    assert_eq!(
        st(
            "The two-state solution remains the only viable path to peace.",
            "two-state solution"
        ),
        Support
    );
}

#[test]
fn negation_and_its_scope() {
    assert_eq!(
        st("Belgium does not oppose harm reduction.", "harm reduction"),
        Support
    );
    assert_eq!(
        st("Russia does not support harm reduction.", "harm reduction"),
        Oppose
    );
    assert_eq!(
        st("Russia will never accept harm reduction.", "harm reduction"),
        Oppose
    );
    assert_eq!(
        st(
            "Russia neither supports nor funds harm reduction.",
            "harm reduction"
        ),
        Oppose
    );
    assert_eq!(
        st("Belgium doesn't oppose harm reduction.", "harm reduction"),
        Support
    );
    // "not only ... but also" is no negation.
    assert_eq!(
        st(
            "Belgium not only supports harm reduction but also funds it abroad.",
            "harm reduction"
        ),
        Support
    );
    // A negation far from the cue does not reach it.
    assert_eq!(
        st(
            "Although results are not uniform across the region, Belgium supports harm reduction.",
            "harm reduction"
        ),
        Support
    );
}

#[test]
fn a_stance_against_a_weakening_flips() {
    for s in [
        "Belgium opposes any weakening of the ban treaty.",
        "Austria rejects attempts to undermine the ban treaty.",
        "Ireland condemns violations of the ban treaty.",
        "We firmly oppose the erosion of the ban treaty.",
    ] {
        assert_eq!(st(s, "ban treaty"), Support, "{s}");
    }
    assert_eq!(
        st(
            "Russia calls on all states to stand against attempts to revise the conventions.",
            "conventions"
        ),
        Support
    );
}

#[test]
fn a_world_safe_from_it_or_a_zone_free_of_it_is_against_it() {
    for s in [
        "Fiji is committed to a world safe from nuclear weapons.",
        "We must establish a nuclear weapons and WMD-free zone in the region.",
    ] {
        assert_eq!(st(s, "nuclear weapons"), Oppose, "{s}");
    }
}

#[test]
fn backing_a_limit_on_something_opposes_it() {
    for s in [
        "Norway supports every effort to limit the use of the veto in cases of mass atrocities.",
        "As for working methods, we support the limitation and closer scrutiny of the use of the veto.",
        "Chile calls for measures restricting the veto when civilians are at risk.",
        "Peru wants to curtail the veto.",
    ] {
        assert_eq!(st(s, "veto"), Oppose, "{s}");
    }
    // A limit named as a fact takes no side.
    assert_eq!(
        st(
            "Access to water remains limited in the northern provinces.",
            "water"
        ),
        Mention
    );
}

#[test]
fn the_query_as_object_of_the_stance() {
    assert_eq!(
        st(
            "Russia firmly rejects any attempt to legalise drugs under the slogan of harm reduction.",
            "harm reduction"
        ),
        Oppose
    );
    assert_eq!(
        st(
            "Russia rejects the concept of \"harm reduction\" when it is used to justify opioid substitution programmes.",
            "harm reduction"
        ),
        Oppose
    );
}

#[test]
fn a_rejection_of_the_problem_is_not_opposition_to_the_measure() {
    assert_eq!(
        st(
            "Nigeria condemns drug trafficking and supports a regional task force against it.",
            "task force"
        ),
        Support
    );
    assert_eq!(
        st(
            "Nigeria condemns drug trafficking in all its forms. A regional task force was created in 2019.",
            "task force"
        ),
        Mention
    );
    // The cue governs only part of the query's words.
    assert_ne!(
        st(
            "Nigeria condemns drug trafficking, and a task force now coordinates the police.",
            "task force drug trafficking"
        ),
        Oppose
    );
    assert_eq!(
        st(
            "Nigeria supports a task force against drug trafficking.",
            "task force drug trafficking"
        ),
        Support
    );
}

#[test]
fn concessions_leave_it_to_the_main_clause() {
    assert_eq!(
        st(
            "While we respect the sovereign right of states to choose their policies, Belgium believes harm reduction is essential.",
            "harm reduction"
        ),
        Support
    );
    assert_eq!(
        st(
            "While we respect harm reduction programmes in other countries, Russia rejects them.",
            "harm reduction"
        ),
        Oppose
    );
    assert_eq!(
        st(
            "Although some states advocate harm reduction, Russia supports prohibition.",
            "harm reduction"
        ),
        Mention
    );
    assert_eq!(
        st(
            "Despite its concerns about cost, Belgium supports harm reduction.",
            "harm reduction"
        ),
        Support
    );
    assert_eq!(
        st(
            "Notwithstanding our support for harm reduction, the delegation remains focused on supply.",
            "harm reduction"
        ),
        Mention
    );
}

#[test]
fn describing_passages_are_mentions() {
    for s in [
        "Harm reduction was adopted in 2015 by several cities.",
        "Some states advocate harm reduction.",
        "Critics argue that harm reduction normalises drug use.",
        "Opponents reject harm reduction as a form of surrender.",
        "In 2023, 40 per cent of users in Europe received harm reduction services.",
        "The Commission adopted a resolution on harm reduction in 2009.",
        "Harm reduction programmes operate in 92 countries.",
    ] {
        assert_eq!(st(s, "harm reduction"), Mention, "{s}");
    }
}

#[test]
fn the_author_as_subject() {
    for s in [
        "Our delegation supports harm reduction.",
        "We support harm reduction.",
        "This delegation supports harm reduction.",
        "The Republic of Portugal supports harm reduction.",
        "Unlike some states, Belgium supports harm reduction.",
        "Belgium, like many states, supports harm reduction.",
    ] {
        assert_eq!(st(s, "harm reduction"), Support, "{s}");
    }
}

#[test]
fn evidence_points_at_the_cue_and_sentence() {
    let text = "Background facts. Russia firmly rejects harm reduction. More facts.";
    let e = ev(text, "harm reduction");
    assert_eq!(e.stance, Oppose);
    assert!(e.explicit);
    assert_eq!(
        &text[e.sentence.clone()],
        "Russia firmly rejects harm reduction."
    );
    assert!(e.cues.iter().any(|c| &text[c[0]..c[1]] == "rejects"));
    let w = ev("Belgium welcomes harm reduction.", "harm reduction");
    assert!(!w.explicit);
}

#[test]
fn a_list_item_takes_the_stance_of_its_introduction() {
    let text = "The Russian Federation proposes:\n- a resolution on online trafficking;\n- a register of blocked sites.";
    assert_eq!(st(text, "register"), Support);
}

#[test]
fn next_sentence_refers_back() {
    assert_eq!(
        st(
            "Several states have legalised cannabis. This undermines the conventions.",
            "cannabis"
        ),
        Oppose
    );
}

#[test]
fn condemning_the_topic_opposes_it() {
    assert_eq!(
        st("Mexico condemns internet shutdowns.", "internet shutdowns"),
        Oppose
    );
    assert_eq!(
        st(
            "So-called \"harm reduction\" should not become a cover for drug use.",
            "harm reduction"
        ),
        Oppose
    );
}

#[test]
fn a_negation_without_a_cue_turns_what_follows() {
    assert_eq!(
        st("There must be no accountability gap.", "accountability gap"),
        Oppose
    );
    assert_eq!(
        st(
            "Japan has no plan to develop fully autonomous weapons.",
            "fully autonomous weapons"
        ),
        Oppose
    );
    assert_eq!(
        st(
            "Weapons that operate without meaningful human control should be prohibited.",
            "meaningful human control"
        ),
        Support
    );
    assert_eq!(
        st(
            "The treaty should ban systems that cannot be used under meaningful human control.",
            "meaningful human control"
        ),
        Support
    );
}

#[test]
fn topic_phrases_gerund_subjects_and_passive_agents() {
    assert_eq!(
        st(
            "On Security Council reform, Burundi reiterates its support for the Common African Position.",
            "Security Council reform"
        ),
        Support
    );
    assert_eq!(
        st(
            "Lifting this embargo is more necessary than ever.",
            "embargo"
        ),
        Oppose
    );
    assert_eq!(
        st(
            "Our work is undermined by unilateral coercive measures.",
            "unilateral coercive measures"
        ),
        Oppose
    );
    assert_eq!(
        st(
            "Rather than a new treaty, Korea favours practical measures.",
            "new treaty"
        ),
        Oppose
    );
}

#[test]
fn beliefs_pass_on_their_negation() {
    assert_eq!(
        st(
            "India does not, however, consider it necessary to negotiate a new treaty at this stage.",
            "new treaty"
        ),
        Oppose
    );
    assert_eq!(
        st(
            "Israel holds that existing law provides a framework for autonomous weapons.",
            "autonomous weapons"
        ),
        Mention
    );
    assert_eq!(
        st(
            "Russia rejects the notion that encryption is a right.",
            "encryption"
        ),
        Oppose
    );
}

#[test]
fn reports_of_what_others_do_are_mentions() {
    for s in [
        "We note that certain states, primarily the United States, promote political declarations.",
        "For thirty years this General Assembly has rejected the embargo.",
        "More than fifty states have endorsed the political declaration.",
        "The National Strategy for Preventing Harm places harm reduction next to treatment.",
    ] {
        let q = if s.contains("embargo") {
            "embargo"
        } else if s.contains("harm reduction") {
            "preventing"
        } else {
            "political declaration"
        };
        assert_eq!(st(s, q), Mention, "{s}");
    }
    // A request to others is the author's own stance.
    assert_eq!(
        st(
            "Invite states to endorse the political declaration.",
            "political declaration"
        ),
        Support
    );
    assert_eq!(
        st(
            "Venezuela proposes that the Council recognise that unilateral coercive measures violate human rights.",
            "unilateral coercive measures"
        ),
        Oppose
    );
}

#[test]
fn no_matches_is_a_mention() {
    assert_eq!(passage_stance("Belgium supports it.", &[]).stance, Mention);
    let out_of_bounds = vec![Range { start: 0, end: 4 }];
    assert_eq!(passage_stance("", &out_of_bounds).stance, Mention);
}

fn e(stance: Stance, explicit: bool) -> Evidence {
    Evidence {
        stance,
        sentence: 0..0,
        cues: Vec::new(),
        explicit,
    }
}

#[test]
fn country_stance_combines_passages() {
    let c = country_stance(&[e(Support, true), e(Support, true), e(Mention, false)]);
    assert_eq!(c.stance, Support);
    assert_eq!((c.support, c.oppose, c.mention), (2, 0, 1));
    assert!(c.strength > 0.6);
    // One weak stray cue does not make a clear stance mixed.
    let c = country_stance(&[e(Oppose, true), e(Oppose, true), e(Support, false)]);
    assert_eq!(c.stance, Oppose);
    let c = country_stance(&[e(Oppose, true), e(Support, true)]);
    assert_eq!(c.stance, Mixed);
    let c = country_stance(&[e(Mention, false), e(Mention, false)]);
    assert_eq!(c.stance, Mention);
    assert_eq!(c.strength, 0.0);
    assert_eq!(country_stance(&[]).stance, Mention);
    let weak = country_stance(&[e(Support, false)]);
    let strong = country_stance(&[e(Support, true), e(Support, true)]);
    assert!(weak.strength < strong.strength);
}

#[test]
fn stance_names_round_trip() {
    for s in [Support, Oppose, Mixed, Mention] {
        assert_eq!(Stance::parse(s.as_str()), Some(s));
    }
    assert_eq!(Stance::parse("nonsense"), None);
}

#[test]
fn sentences_split_on_real_punctuation() {
    let t = "Art. 5 applies. See No. 3-FZ of 1998. It was adopted in 2024 by the U.S. Congress.";
    let s = sentences(t);
    assert_eq!(
        s.len(),
        3,
        "{:?}",
        s.iter().map(|r| &t[r.clone()]).collect::<Vec<_>>()
    );
    // A closing curly quote ends the sentence with its full stop, and a stance in the
    // sentence before does not reach into the next one (the 2024 statement of the Holy
    // See: "rather than" took "disarmament treaties" as what it set aside).
    let t = "We aim at the common good rather than individual interests.”  \nMoreover, existing disarmament treaties are moral commitments. «Non.» ‘Yes.’ Then.";
    let s: Vec<&str> = sentences(t).into_iter().map(|r| t[r].trim()).collect();
    assert_eq!(
        s,
        [
            "We aim at the common good rather than individual interests.”",
            "Moreover, existing disarmament treaties are moral commitments.",
            "«Non.»",
            "‘Yes.’",
            "Then."
        ]
    );
    assert_eq!(st(t, "disarmament treaties"), Mention);
}
#[test]
fn numbered_proposals_and_proposals_sections() {
    // "1." opens a list item, not a sentence of its own.
    assert_eq!(
        st(
            "1. A global cap on plastic production, reviewed every five years.",
            "production cap"
        ),
        Support
    );
    // A proposals section proposes what its sentences name.
    let proposals = Reading {
        proposals: true,
        author: "",
        ..Reading::default()
    };
    let text = "A binding cap on plastic production, with a review every five years.";
    assert_eq!(st_in(text, "production cap", &proposals), Support);
    assert_eq!(st_in(text, "production cap", &Reading::default()), Mention);
    // "Should" and "must" recommend; an ordinal opener is no subject.
    assert_eq!(
        st_in(
            "Third, decisions must be reached by consensus so that every party is heard.",
            "consensus",
            &proposals
        ),
        Support
    );
    // A label opening the item: what follows it is proposed.
    assert_eq!(
        st(
            "- Packaging: extended producer responsibility as a duty in every party.",
            "extended producer responsibility"
        ),
        Support
    );
    // A numbered paragraph of a speech states; it proposes nothing.
    assert_eq!(
        st(
            "2. Another pressing issue is the reform of the Council.",
            "reform"
        ),
        Mention
    );
    // A proposal to study something takes no side on it.
    assert_eq!(
        st(
            "- Research on microplastics in coastal fish, led by local scientists.",
            "microplastics"
        ),
        Mention
    );
}

#[test]
fn a_stance_is_on_the_whole_query_where_the_sentence_names_it() {
    assert_eq!(
        st(
            "- More money for digital skills, to close the digital divide.",
            "digital divide"
        ),
        Oppose
    );
    assert_eq!(
        st(
            "Ruritania does not support global production caps, and does not support global bans on products.",
            "production caps"
        ),
        Oppose
    );
}

#[test]
fn fallbacks_and_conceded_support_are_mixed() {
    assert_eq!(
        st(
            "- Rules that allow a vote when consensus fails.",
            "consensus"
        ),
        Mixed
    );
    assert_eq!(
        st(
            "Amendments may be adopted by majority once every effort at consensus has been exhausted.",
            "consensus"
        ),
        Mixed
    );
    // "fails to" is another failure.
    assert_ne!(
        st(
            "The council acts when consensus fails to deliver results.",
            "consensus"
        ),
        Mixed
    );
    assert_eq!(
        st(
            "While we strongly support a new treaty, we reject a treaty that would ban all research.",
            "treaty"
        ),
        Mixed
    );
}

#[test]
fn measures_on_a_harm_oppose_it() {
    assert_eq!(
        st(
            "- Support a regional task force on darknet markets.",
            "darknet markets"
        ),
        Oppose
    );
    // The task force is the measure itself.
    assert_eq!(
        st(
            "- Support a regional darknet task force.",
            "darknet task force"
        ),
        Support
    );
    assert_eq!(
        st(
            "- Binding rules on abandoned fishing gear and penalties for fleets.",
            "abandoned fishing gear"
        ),
        Oppose
    );
    assert_eq!(
        st(
            "The world must pay far more attention to the digital divide.",
            "digital divide"
        ),
        Oppose
    );
    // A convention against a harm is a measure.
    assert_eq!(
        st(
            "We urge all states to ratify the Convention against Cybercrime.",
            "Convention against Cybercrime"
        ),
        Support
    );
}

#[test]
fn comparisons_and_contrasts() {
    assert_eq!(
        st(
            "We think wider use of weapon reviews would do more for civilians than a new treaty.",
            "new treaty"
        ),
        Oppose
    );
    assert_ne!(
        st("More than forty states back a new treaty.", "new treaty"),
        Oppose
    );
    assert_eq!(
        st(
            "Talks in good faith, not unilateral sanctions, bring results.",
            "unilateral sanctions"
        ),
        Oppose
    );
}

#[test]
fn what_a_thing_does_and_what_the_author_did() {
    assert_eq!(
        st(
            "Data localisation shields citizens from foreign intelligence services.",
            "data localisation"
        ),
        Support
    );
    let text = "In 2019 Ruritania adopted extended producer responsibility for packaging.";
    let by = Reading {
        proposals: false,
        author: "Republic of Ruritania",
        ..Reading::default()
    };
    assert_eq!(
        st_in(text, "extended producer responsibility", &by),
        Support
    );
    assert_eq!(st(text, "extended producer responsibility"), Mention);
    // A participle after a determiner is an adjective.
    assert_eq!(
        st_in(
            "We did not have an established forum for reform.",
            "reform",
            &by
        ),
        Mention
    );
}

#[test]
fn a_pronoun_after_the_query_stands_for_it() {
    assert_eq!(
        st(
            "Harm reduction is no gift to dealers; it is the only way to reach users whom clinics never see.",
            "harm reduction"
        ),
        Support
    );
    assert_eq!(
        st(
            "Ruritania does not field fully autonomous weapons and has no intention of developing them.",
            "fully autonomous weapons"
        ),
        Oppose
    );
}

#[test]
fn a_cue_made_of_the_query_does_what_it_names() {
    assert_eq!(
        st(
            "Autonomous weapons that escape human control should be banned.",
            "ban autonomous weapons"
        ),
        Support
    );
    assert_eq!(
        st(
            "Autonomous weapons should not be banned for being new.",
            "ban autonomous weapons"
        ),
        Oppose
    );
    // Inside the query's phrase it is a word of the topic.
    assert_eq!(
        st(
            "- Global bans on single-use cups, with one deadline for all.",
            "global bans"
        ),
        Support
    );
}
#[test]
fn a_restriction_named_after_the_query_opposes_it() {
    assert_eq!(
        st("Ruritania supports strict spyware controls.", "spyware"),
        Oppose
    );
    assert_eq!(
        st(
            "- A fund for ghost net removal on remote reefs.",
            "ghost net"
        ),
        Oppose
    );
    assert_eq!(
        st(
            "We call for justice for the victims of mass surveillance.",
            "mass surveillance"
        ),
        Oppose
    );
}
#[test]
fn a_name_that_restricts_the_query_opposes_it() {
    assert_eq!(
        st(
            "This week we ratified the Treaty on the Prohibition of Nuclear Weapons.",
            "nuclear weapons"
        ),
        Oppose
    );
    assert_eq!(
        st("We support a ban on nuclear weapons.", "nuclear weapons"),
        Oppose
    );
}
#[test]
fn a_practice_is_a_stance_only_when_the_author_does_it() {
    let by = Reading {
        proposals: false,
        author: "Ruritania",
        ..Reading::default()
    };
    assert_eq!(
        st_in(
            "Ruritania applies data localisation to sensitive records.",
            "data localisation",
            &by
        ),
        Support
    );
    assert_eq!(
        st_in(
            "Several states apply data localisation to all records.",
            "data localisation",
            &by
        ),
        Mention
    );
    // The query's own word as the author's verb.
    assert_eq!(
        st_in(
            "The Cannabis Act of 2019 legalised cannabis for adults.",
            "legal cannabis",
            &by
        ),
        Support
    );
    // Examples in a proposal are proposed too.
    assert_eq!(
        st(
            "- Measures on supply, including a global cap on production.",
            "production cap"
        ),
        Support
    );
}

#[test]
fn to_be_free_of_the_query_opposes_it() {
    assert_eq!(
        st(
            "Ruritania reaffirms its commitment to a world free of nuclear weapons.",
            "nuclear weapons"
        ),
        Oppose
    );
    assert_eq!(
        st(
            "We are dedicated to a nuclear weapons-free world.",
            "nuclear weapons"
        ),
        Oppose
    );
    assert_eq!(st("We call for nuclear disarmament.", "nuclear"), Oppose);
}

#[test]
fn preferences_fixed_phrases_and_the_whole_query() {
    // Another term for it keeps what it names under another name: both sides.
    assert_eq!(
        st(
            "Ruritania prefers the term integral development to alternative development.",
            "alternative development"
        ),
        Mixed
    );
    assert_eq!(
        st(
            "Ruritania prefers integral development to alternative development.",
            "alternative development"
        ),
        Oppose
    );
    assert_eq!(st("We prefer to negotiate a treaty.", "treaty"), Support);
    // "on the basis of" takes no side.
    assert_eq!(
        st("Messaging services that offer end-to-end encryption must cooperate on the basis of national law.", "end-to-end encryption"),
        Mention
    );
    // A stance on the whole query outweighs one on a word of it elsewhere.
    assert_eq!(
        st(
            "We back binding rules, including reducing how much plastic is produced. A production cap would protect small states.",
            "production cap"
        ),
        Support
    );
}

#[test]
fn irregular_participles_and_judgements_of_what_a_thing_is() {
    assert_eq!(
        st(
            "Meaningful human control has to be kept over every use of force.",
            "meaningful human control"
        ),
        Support
    );
    assert_eq!(
        st("The bulk collection programme spied on millions. This is a clear case of double standards.", "collection programme"),
        Oppose
    );
    assert_eq!(st("Such sanctions are illegitimate.", "sanctions"), Oppose);
    // Said before a noun, the adjective is no stance.
    assert_eq!(
        st(
            "Ruritania lists unjustified sanctions in its report.",
            "sanctions"
        ),
        Mention
    );
}

#[test]
fn a_harm_named_beside_its_synonyms() {
    // `who` highlights other names of the query too; a harm named among them makes the
    // passage about a harm.
    let proposals = Reading {
        proposals: true,
        author: "",
        ..Reading::default()
    };
    assert_eq!(
        st_in(
            "Ruritania proposes a register of firms that sell intrusion software, and help for victims of spyware.",
            "spyware intrusion software",
            &proposals
        ),
        Oppose
    );
}

#[test]
fn how_decisions_are_to_be_made() {
    assert_eq!(
        st("Decisions must be taken by consensus.", "consensus"),
        Support
    );
    assert_eq!(
        st("Decisions were taken by consensus in 2019.", "consensus"),
        Mention
    );
}

#[test]
fn against_one_form_and_for_another_is_mixed() {
    assert_eq!(
        st(
            "Ruritania opposes the abuse of export controls to hold back other economies, while it supports a fair export control system.",
            "export control"
        ),
        Mixed
    );
    // Alone, opposing the abuse of X is no stance against X.
    assert_eq!(
        st(
            "Ruritania opposes the abuse of export controls.",
            "export control"
        ),
        Support
    );
}

#[test]
fn good_done_said_of_the_subject() {
    assert_eq!(
        st("The chemical industry provides employment and contributes to the development of many regions.", "chemical industry"),
        Support
    );
    // Whether contributing is good depends on what to.
    assert_ne!(
        st(
            "Economic sanctions also contribute to forced migration.",
            "sanctions"
        ),
        Support
    );
}

#[test]
fn double_standards_as_a_subject_take_no_side() {
    assert_ne!(
        st(
            "This shows the need to reform the Council, lest double standards take root.",
            "reform council"
        ),
        Oppose
    );
}

#[test]
fn a_subject_cue_after_an_article_is_a_noun() {
    // "the benefits" names something; it says nothing of the protectionism before it.
    assert_eq!(
        st(
            "Protectionism has returned, even before we have reaped the benefits that open trade was meant to deliver.",
            "protectionism"
        ),
        Stance::Mention
    );
    // As a verb said of its subject, it still takes a side.
    assert_eq!(
        st(
            "Open trade benefits every developing economy.",
            "open trade"
        ),
        Stance::Support
    );
}

#[test]
fn concern_harm_and_wrongs_said_of_the_subject() {
    // Concern, in the forms speeches use.
    assert_eq!(
        st(
            "We remain concerned about nuclear weapons in our region.",
            "nuclear weapons"
        ),
        Oppose
    );
    assert_eq!(
        st(
            "Jamaica is deeply concerned by unilateral coercive measures.",
            "unilateral coercive measures"
        ),
        Oppose
    );
    // Harm done by the subject.
    for s in [
        "Sanctions and economic blockades disproportionately harm the most vulnerable and impede achievement of the Sustainable Development Goals.",
        "Unilateral sanctions imposed by the United States prevent our counter-narcotics forces from obtaining detection equipment.",
        "Sanctions have caused immense suffering to our people.",
        "Sanctions hinder the development of many nations.",
        "While we respect the right of states to defend themselves, Cuba believes that sanctions are a crime against our people.",
        "The occupation must be ended.",
        "An occupation that must end immediately.",
        "Production caps would be beyond the mandate of resolution 5/14.",
    ] {
        assert_eq!(st(s, "sanctions occupation production caps"), Oppose, "{s}");
    }
    // Near misses: the harm is done to what is asked, or by someone else's object.
    assert_eq!(
        st(
            "Drought and conflict hinder the fight against poverty.",
            "sanctions"
        ),
        Mention
    );
    assert_eq!(
        st(
            "We must not let anything prevent our delegation from supporting the treaty.",
            "treaty"
        ),
        Support
    );
    // "whose content constitutes a crime" is said of the content, not of the blocking.
    assert_eq!(
        st_in(
            "The 2018 Law allows the authorities to order the blocking of websites whose content constitutes a crime.",
            "blocking",
            &Reading { proposals: false, author: "Egypt", ..Reading::default() }
        ),
        Mention
    );
}

#[test]
fn threats_fights_and_judgements_named() {
    assert_eq!(
        st(
            "Global peace and security are under threat from terrorism.",
            "terrorism"
        ),
        Oppose
    );
    assert_eq!(
        st("We fight against terrorism in all its forms.", "terrorism"),
        Oppose
    );
    assert_eq!(
        st(
            "Together, we must win this fight against terrorism.",
            "terrorism"
        ),
        Oppose
    );
    assert_eq!(
        st("We support the fight against terrorism.", "terrorism"),
        Oppose
    );
    // Every form of the verb, the irregular past too.
    for text in [
        "New Zealand fought against the veto rights of the Great Powers.",
        "Chile has long fought against impunity and the veto.",
        "Chile is fighting against the veto.",
        "Chile fights against the veto.",
        "Chile struggled against the veto.",
    ] {
        assert_eq!(st(text, "veto"), Oppose, "{text}");
    }
    assert_eq!(st("Chile fought for the veto.", "veto"), Support);
    assert_eq!(st("Chile has stood against the veto.", "veto"), Oppose);
    assert_eq!(
        st(
            "The San Marino Government condemns any threat of use of nuclear weapons.",
            "nuclear weapons"
        ),
        Oppose
    );
    // A good named of the subject.
    assert_eq!(
        st(
            "Such data localization is a legitimate measure to protect national security.",
            "data localization"
        ),
        Support
    );
    assert_eq!(
        st(
            "Indonesia sees data localization as a way to keep sovereignty over strategic data.",
            "data localization"
        ),
        Support
    );
    assert_eq!(
        st("A ceasefire, a two-state solution and regional security arrangements would ensure stability.", "two-state solution"),
        Support
    );
    // Near miss: a gerund after a preposition says nothing of what precedes it.
    assert_eq!(
        st("Adversaries may field cheap drone swarms, and the international community has an interest in ensuring that all states observe the law.", "drone swarms"),
        Mention
    );
    // Near miss: a participle with its agent after a noun tells who did it.
    assert_eq!(
        st(
            "The opinion requested by the Assembly addressed the occupation.",
            "occupation"
        ),
        Mention
    );
    assert_eq!(
        st(
            "Spain recalls the illegality of the occupation.",
            "occupation"
        ),
        Oppose
    );
}

#[test]
fn scare_quotes_and_titles_against_the_query() {
    assert_eq!(
        st(
            "We reiterate our call for the unconditional lifting of all the so-called sanctions.",
            "sanctions"
        ),
        Oppose
    );
    assert_eq!(
        st("We reject the so-called sanctions.", "sanctions"),
        Oppose
    );
    // A title that acts against what it names.
    assert_eq!(
        st(
            "Norway finances the Development Programme to Combat Marine Litter and Microplastics.",
            "microplastics"
        ),
        Oppose
    );
    assert_eq!(
        st(
            "We ratified the United Nations Convention against Corruption.",
            "corruption"
        ),
        Oppose
    );
    // Near miss: a title that does not act against it.
    assert_eq!(
        st(
            "Norway finances the Programme for Microplastics Research.",
            "microplastics"
        ),
        Support
    );
    // A harm qualifying a measure is what the measure acts against.
    assert_eq!(
        st(
            "The Netherlands supports a permanent darknet task force within Europol.",
            "darknet"
        ),
        Oppose
    );
    // Near miss: studying it is no measure against it.
    assert_eq!(st("We support darknet research.", "darknet"), Support);
}

#[test]
fn others_named_as_powers_are_not_the_author() {
    assert_eq!(
        st("Drones have been used in several conflicts, and major military powers are investing heavily in drone swarms.", "drone swarms"),
        Mention
    );
    // Near miss: the author beside them.
    assert_eq!(
        st(
            "Belgium and other powers are investing in drone swarms.",
            "drone swarms"
        ),
        Support
    );
}

#[test]
fn while_doing_ends_the_object() {
    assert_eq!(
        st("The 2024 Policy aims to expand affordable connectivity while addressing the localisation of government data.", "localisation"),
        Mention
    );
    // Near miss: a conceded clause of its own still concedes.
    assert_eq!(
        st(
            "While we respect data localisation, Belgium rejects it.",
            "data localisation"
        ),
        Oppose
    );
}

#[test]
fn escaping_the_query_is_being_without_it() {
    assert_eq!(
        st("Under this approach, any weapon that escapes meaningful human control is banned outright.", "meaningful human control"),
        Support
    );
    // Near miss: escaping something else.
    assert_eq!(
        st(
            "Meaningful human control is banned from the draft that escapes scrutiny.",
            "meaningful human control"
        ),
        Oppose
    );
}

#[test]
fn synonyms_beside_the_query_do_not_raise_how_much_must_be_governed() {
    // "capital punishment" highlighted as a synonym of "death penalty": a stance on
    // "penalties" still speaks to the two-word query.
    let text = "The law provides for the death penalty and capital punishment. Iran rejects states that criticise our penalties.";
    let mut ranges = Vec::new();
    for w in ["death", "penalty", "capital", "punishment", "penalties"] {
        let s = text.find(w).unwrap();
        ranges.push(s..s + w.len());
    }
    ranges.sort_by_key(|r| r.start);
    assert_eq!(passage_stance(text, &ranges).stance, Support);
    // Near miss: with no run of two words, every word found counts.
    let text =
        "Penalties are harsh. Death is final. Iran rejects states that criticise our penalties.";
    let mut ranges = Vec::new();
    for w in ["Penalties", "Death", "penalties"] {
        let s = text.find(w).unwrap();
        ranges.push(s..s + w.len());
    }
    ranges.sort_by_key(|r| r.start);
    assert_eq!(passage_stance(text, &ranges).stance, Support);
}

#[test]
fn an_aside_of_others_does_not_take_the_subject() {
    assert_eq!(
        st("Limits are needed so that meaningful human control, or what some states prefer to call human judgement, is ensured in practice.", "meaningful human control"),
        Support
    );
    // Near miss: others' stance with no comma closing it stays theirs.
    assert_eq!(
        st(
            "Some states prefer meaningful human control.",
            "meaningful human control"
        ),
        Mention
    );
}

#[test]
fn setting_the_terms_of_a_measure_backs_it() {
    assert_eq!(
        st("Any new instrument must therefore address diversion and transfers to non-state actors.", "new instrument"),
        Support
    );
    assert_eq!(
        st(
            "The Security Council must reflect the realities of today's world.",
            "Security Council"
        ),
        Support
    );
    assert_eq!(
        st("Any international instrument must take into account the social and economic weight of the petrochemical industry.", "petrochemical industry"),
        Support
    );
    // Near miss: what is addressed is not backed by it.
    assert_eq!(
        st(
            "The international community must address drug trafficking.",
            "drug trafficking"
        ),
        Mention
    );
}

#[test]
fn a_practice_named_by_the_query_alone_when_the_author_does_it() {
    assert_eq!(
        st_in(
            "The Cannabis Act of 2018 legalised cannabis for adults within a strictly regulated market.",
            "drug legalised",
            &Reading { proposals: false, author: "Canada", ..Reading::default() }
        ),
        Support
    );
    // Near miss: others doing it.
    assert_eq!(
        st_in(
            "Several jurisdictions legalised cannabis for adults.",
            "drug legalised",
            &Reading {
                proposals: false,
                author: "Canada",
                ..Reading::default()
            }
        ),
        Mention
    );
}

#[test]
fn joined_with_a_reservation_or_renamed_is_mixed() {
    assert_eq!(
        st_in(
            "When Bolivia re-acceded to the 1961 Single Convention in 2013, it did so with a reservation on the traditional chewing of coca.",
            "Single Convention",
            &Reading { proposals: false, author: "Bolivia", ..Reading::default() }
        ),
        Mixed
    );
    assert_eq!(
        st("Bolivia prefers the term \"integral development with coca\" to \"alternative development\".", "alternative development"),
        Mixed
    );
    // Near misses: joined with no reservation; a thing preferred to another.
    assert_eq!(
        st_in(
            "When Bolivia re-acceded to the 1961 Single Convention in 2013, it did so in full.",
            "Single Convention",
            &Reading {
                proposals: false,
                author: "Bolivia",
                ..Reading::default()
            }
        ),
        Support
    );
    assert_eq!(
        st(
            "Bolivia prefers integral development to alternative development.",
            "alternative development"
        ),
        Oppose
    );
}

#[test]
fn wrongs_named_before_and_after_the_query() {
    assert_eq!(
        st("Poland found itself in the midst of a brutal occupation, becoming a witness of war crimes.", "occupation"),
        Oppose
    );
    assert_eq!(
        st("The crimes being committed by the occupation represent a flagrant violation of international law.", "occupation"),
        Oppose
    );
    // Near miss: the wrong is said of something else.
    assert_eq!(
        st(
            "A brutal war followed, and the occupation authorities kept records.",
            "occupation"
        ),
        Mention
    );
}

#[test]
fn a_second_infinitive_takes_the_side_of_the_cue_asking_for_both() {
    assert_eq!(
        st(
            "We call on the international community to firmly condemn these acts and to impose targeted sanctions on the aggressor.",
            "targeted sanctions"
        ),
        Support
    );
    // Near miss: one infinitive, its own cue decides.
    assert_eq!(
        st(
            "We call on the international community to firmly condemn targeted sanctions on our people.",
            "targeted sanctions"
        ),
        Oppose
    );
}

#[test]
fn a_wrong_named_before_the_query_opposes_it_inside_any_stance() {
    for (text, query) in [
        (
            "We denounce the illegal occupation of Palestinian territories.",
            "occupation",
        ),
        (
            "Namibia reiterates its call for the immediate lifting of illegal sanctions against Zimbabwe.",
            "sanctions",
        ),
        (
            "We condemn the brutal occupation and its crimes.",
            "occupation",
        ),
        (
            "The adverse impact of the punitive illegal unilateral sanctions presents real barriers to our development.",
            "unilateral sanctions",
        ),
    ] {
        assert_eq!(st(text, query), Oppose, "{text}");
    }
    // Near misses: "illegal" naming a kind of an activity, not judging it; a wrong
    // said of something beside the query.
    assert_eq!(
        st(
            "Panama now faces a severe challenge: the illegal migration through the Darien jungle.",
            "migration"
        ),
        Mention
    );
    assert_eq!(
        st(
            "Illegal fishing fleets were seen near the marine protected area.",
            "marine protected area"
        ),
        Mention
    );
}

#[test]
fn a_part_of_the_query_naming_something_else_is_not_turned_against_it() {
    // "a world free of nuclear weapons" is against nuclear weapons, not against
    // nuclear disarmament; "the Prohibition of Nuclear Weapons" likewise (2024 General
    // Debate: San Marino and Kazakhstan read as opposing nuclear disarmament).
    let san_marino = "Nuclear disarmament remains our goal. San Marino reaffirms its commitment for a world free of nuclear weapons.";
    assert_ne!(st(san_marino, "nuclear disarmament"), Oppose);
    assert_eq!(st(san_marino, "nuclear weapons"), Oppose);
    let treaty = "Nuclear disarmament is a pillar of our policy. We urge all states to join the Treaty on the Prohibition of Nuclear Weapons.";
    assert_ne!(st(treaty, "nuclear disarmament"), Oppose);
    // A part that ends its phrase still names what was asked: "abandoned, lost or
    // otherwise discarded fishing gear" is the abandoned fishing gear.
    assert_eq!(
        st(
            "Abandoned fishing gear kills whales. Canada calls for binding rules on abandoned, lost or otherwise discarded fishing gear.",
            "abandoned fishing gear"
        ),
        Oppose
    );
    // A piece of a paragraph without the query's other words: its stance on another
    // noun ("victims of nuclear testing") says nothing of the query.
    let piece = Reading {
        query_words: 2,
        ..Reading::default()
    };
    let text = "We will establish a fund for assistance to victims of nuclear testing.";
    assert_eq!(st_in(text, "nuclear disarmament", &piece), Mention);
    assert_eq!(st_in(text, "nuclear testing", &Reading::default()), Oppose);
}

#[test]
fn implicit_support_and_opposition_in_set_phrases() {
    let two = "two-state solution";
    for (s, q, want) in [
        (
            "Peace cannot be achieved without a two-state solution.",
            two,
            Support,
        ),
        ("A two-state solution is the only answer.", two, Support),
        (
            "The only viable solution is a ceasefire.",
            "ceasefire",
            Support,
        ),
        ("A ceasefire is acceptable to us.", "ceasefire", Support),
        ("Occupation is not acceptable.", "occupation", Oppose),
        (
            "A two-state solution cannot and will not be acceptable.",
            two,
            Oppose,
        ),
        (
            "Such a future can only be based on the two-state solution.",
            two,
            Support,
        ),
        (
            "We must work toward a durable peace through the two-state solution.",
            two,
            Support,
        ),
        (
            "The fundamental way out lies in the two-state solution.",
            two,
            Support,
        ),
        (
            "It is time to work towards an economy less dependent on fossil fuels.",
            "fossil fuels",
            Oppose,
        ),
        (
            "We will transition away from fossil fuels.",
            "fossil fuels",
            Oppose,
        ),
        (
            "Brazil seeks energy independence from fossil fuels.",
            "fossil fuels",
            Oppose,
        ),
        (
            "Fiji endorses the Fossil Fuel Nonproliferation Treaty.",
            "fossil fuel",
            Oppose,
        ),
    ] {
        assert_eq!(st(s, q), want, "{s}");
    }
}

#[test]
fn a_need_backs_its_object_and_a_main_clause_ends_a_comparison() {
    let scr = "Security Council reform";
    for (s, q, want) in [
        ("We need a far-reaching reform of the Security Council.", scr, Support),
        (
            "If our goal is what unites us rather than what divides us, we need a far-reaching reform of the Security Council.",
            scr,
            Support,
        ),
        ("We need a ceasefire to get the hostages out.", "ceasefire", Support),
        // "need" as a noun after "in" takes no side.
        ("Millions of refugees remain in need of food aid.", "food aid", Mention),
        // Combating two harms combats both.
        (
            "We stress the need for efforts to combat irregular migration and terrorism.",
            "terrorism",
            Oppose,
        ),
        // Fighting for something is for it.
        (
            "Civilised people must fight for the human rights of all.",
            "human rights",
            Support,
        ),
        // Combating a harm and reforming a framework: the second is no object of
        // the first.
        (
            "We will work with partners to combat terrorism and reform global counter-terrorism frameworks.",
            "reform",
            Mention,
        ),
        // Bridging a gap in something is for it.
        (
            "There is a need to bridge the gap in digital technologies including artificial intelligence.",
            "artificial intelligence",
            Support,
        ),
        // A topic named first is what a stance right after it is about, not one
        // further on about something else.
        (
            "On Security Council reform, the world has long watched the failures of the Security Council to prevent deadly conflicts.",
            scr,
            Mention,
        ),
    ] {
        assert_eq!(st(s, q), want, "{s}");
    }
}

#[test]
fn a_question_takes_no_side_of_its_own() {
    // A rhetorical question says the opposite of its words as often as not.
    for text in [
        "Who on earth is talking about maintaining first use of nuclear weapons against us?",
        "Do children in Palestine have no human rights?",
        "Does it intervene to stop the occupation?",
    ] {
        let q = if text.contains("nuclear") {
            "nuclear weapons"
        } else if text.contains("rights") {
            "human rights"
        } else {
            "occupation"
        };
        assert_eq!(st(text, q), Mention, "{text}");
    }
    // The sentence after a question still speaks.
    assert_eq!(
        st(
            "What is the occupation for? We reject the occupation in every form.",
            "occupation"
        ),
        Oppose
    );
}

#[test]
fn a_noun_s_against_governs_its_own_object_not_the_next_noun_phrase() {
    for text in [
        "I call once again for an end to the embargo against Cuba and the sanctions against Zimbabwe, because they are unfair.",
        "We call for the lifting of the embargo against Cuba and the sanctions against Zimbabwe.",
        "We call for an end to the sanctions against Zimbabwe.",
    ] {
        assert_eq!(st(text, "sanctions"), Oppose, "{text}");
    }
    // Without a new noun phrase, the object of "against" runs on: "violence against
    // women and girls" is violence against both.
    assert_eq!(
        st("We condemn violence against women and girls.", "girls"),
        Support
    );
    assert_eq!(
        st(
            "We condemn violence against women and the trafficking of children.",
            "trafficking"
        ),
        Oppose
    );
}

#[test]
fn an_example_of_what_a_zone_is_free_of_is_opposed() {
    for text in [
        "Syria reiterates its demand for a Middle East zone free of weapons of mass destruction, in particular nuclear weapons.",
        "We call for a zone free of weapons of mass destruction, including nuclear weapons.",
        "We call for a region free from all such arms, especially nuclear weapons.",
    ] {
        assert_eq!(st(text, "nuclear weapons"), Oppose, "{text}");
    }
    // An example of something else keeps its own side.
    assert_eq!(
        st(
            "We support peaceful uses of technology, including nuclear energy.",
            "nuclear energy"
        ),
        Support
    );
}

#[test]
fn what_goes_wrong_without_it_is_needed() {
    for (text, q) in [
        ("Meanwhile, it is abundantly clear that without multilateralism, without international cooperation, and without the respect for international law the downward spiral of crises and conflict will only accelerate.", "multilateralism"),
        ("Without a joint effort to advance renewable energy, we risk further crises.", "renewable energy"),
        ("Without structural reform, the legitimacy of the Council remains questionable.", "structural reform"),
    ] {
        assert_eq!(st(text, q), Support, "{text}");
    }
    // What is better without it is opposed, as before.
    assert_eq!(
        st(
            "Without nuclear weapons, the world would be a safer place.",
            "nuclear weapons"
        ),
        Oppose
    );
}

#[test]
fn a_harm_that_befalls_its_subject_is_lamented() {
    for (text, q) in [
        ("And we worry that confidence in the fairness and effectiveness of multilateralism is eroding.", "multilateralism"),
        ("The context of human rights protection is severely weakened and threatened.", "human rights"),
        ("Multilateralism is being undermined.", "multilateralism"),
    ] {
        assert_eq!(st(text, q), Support, "{text}");
    }
    // With an object, the subject does the harm; negated, it must not happen.
    assert_eq!(
        st("Corruption erodes trust in institutions.", "corruption"),
        Oppose
    );
    assert_eq!(
        st(
            "The sanctioning of terrorists should not be impeded for political reasons.",
            "sanctioning"
        ),
        Support
    );
}

#[test]
fn a_belief_nobody_holds_as_their_own_is_not_the_author_s() {
    for text in [
        "There is a growing belief that multilateralism is ineffective and that the United Nations is no longer relevant.",
        "This observation might lead us to believe that multilateralism has failed at every level.",
    ] {
        assert_eq!(st(text, "multilateralism"), Mention, "{text}");
    }
    // "than ever" compares nothing and "in this regard" holds nothing: the sentence
    // says what is needed.
    assert_eq!(
        st(
            "In this regard, the role of the United Nations is more crucial than ever, reinforcing the imperative for multilateralism.",
            "multilateralism"
        ),
        Support
    );
    assert_eq!(
        st(
            "In this regard, our region is more exposed than ever to drought.",
            "drought"
        ),
        Mention
    );
}

#[test]
fn a_second_gerund_is_another_action_not_the_first_one_s_object() {
    assert_eq!(
        st(
            "We emphasize the need to address the root causes of these conflicts by ending the illegal occupation of Palestinian territories and achieving justice for the Palestinian people, based on a two-state solution.",
            "two-state solution"
        ),
        Support
    );
    assert_eq!(
        st(
            "We call for ending the occupation and achieving a two-state solution.",
            "two-state solution"
        ),
        Support
    );
    // The first gerund's own object keeps its side.
    assert_eq!(
        st(
            "We call for ending the occupation and achieving a two-state solution.",
            "occupation"
        ),
        Oppose
    );
    // A gerund naming a thing ("funding gaps") is no action.
    assert_eq!(
        st(
            "The community must do its part by addressing funding gaps and mobilising resources to meet the needs of refugees.",
            "refugees"
        ),
        Support
    );
}

#[test]
fn a_condition_people_live_under_is_not_what_is_asked_for() {
    assert_eq!(
        st(
            "We call for the realization of the right to self-determination of all people under colonial occupation.",
            "occupation"
        ),
        Mention
    );
    // A framework something is done under keeps its side.
    assert_eq!(
        st(
            "We support the commitments made under the Paris Agreement.",
            "Paris Agreement"
        ),
        Support
    );
}

#[test]
fn a_second_predicate_with_its_own_auxiliary_ends_the_first_object() {
    assert_eq!(
        st(
            "Kuwait remains firmly committed to supporting the Palestinian cause and has recently submitted a memorandum highlighting the consequences of the continued occupation.",
            "occupation"
        ),
        Mention
    );
    // One predicate's object joined by "and" is still its object.
    assert_eq!(
        st("We support the treaty and the occupation's end.", "treaty"),
        Support
    );
}

#[test]
fn a_question_after_the_query_does_not_speak_for_it() {
    assert_eq!(
        st(
            "We discussed nuclear power at length. But what does this really threaten?",
            "nuclear power"
        ),
        Mention
    );
}

#[test]
fn calls_that_are_the_subject_of_their_own_verb_are_others_calls() {
    assert_eq!(
        st(
            "Cities everywhere have seen mass protests, and calls for sanctions are growing louder.",
            "sanctions"
        ),
        Mention
    );
    // The author calling, even with "are" further on, calls; calls the author
    // endorses or regrets are the author's.
    assert_eq!(st("Jordan calls for sanctions.", "sanctions"), Support);
    assert_eq!(
        st(
            "Chad regrets that repeated calls for a ceasefire have gone unheeded.",
            "ceasefire"
        ),
        Support
    );
    assert_eq!(
        st(
            "Jordan calls for sanctions on those who are responsible.",
            "sanctions"
        ),
        Support
    );
}

#[test]
fn emphasis_that_looks_like_a_negation_and_threats_with_an_adjective() {
    assert_eq!(
        st(
            "I cannot overemphasize the need for adequate climate finance for effective climate action.",
            "climate finance"
        ),
        Support
    );
    assert_eq!(
        st(
            "These acts confirm that the Houthis' terrorism poses a continuing threat to maritime security.",
            "terrorism"
        ),
        Oppose
    );
    // A plain negation still turns the cue.
    assert_eq!(
        st(
            "We cannot support climate finance on these terms.",
            "climate finance"
        ),
        Oppose
    );
}

#[test]
fn eradication_reparations_liberation_and_scars_are_against_what_they_name() {
    for t in [
        "Ruritania renews its call for the complete eradication of colonialism.",
        "We support the international decade for the eradication of colonialism.",
        "Our people seek reparations for colonialism and the slave trade.",
        "Ruritania was the first nation liberated from colonialism in the region.",
        "The legacy of colonialism has left deep scars on the islands.",
    ] {
        assert_eq!(st(t, "colonialism"), Oppose, "{t}");
    }
    // Near misses: compensation is sought for a harm and for its victims alike ("as
    // well as compensation for loss and damage" is for the loss and damage fund), and a
    // legacy that left nothing takes no side.
    assert_eq!(
        st(
            "We need support for adaptation, as well as compensation for loss and damage.",
            "loss and damage"
        ),
        Support
    );
    assert_eq!(
        st(
            "The legacy of colonialism is studied in our schools.",
            "colonialism"
        ),
        Mention
    );
}

#[test]
fn the_means_after_a_flipped_object_takes_the_outer_side() {
    // What serves the eradication is supported, what weakens it opposed.
    assert_eq!(
        st(
            "We support the eradication of poverty through trade.",
            "trade"
        ),
        Support
    );
    assert_eq!(
        st(
            "We oppose the weakening of the Court via budget cuts.",
            "budget cuts"
        ),
        Oppose
    );
    // The flipped object itself keeps its side.
    assert_eq!(
        st(
            "We support the eradication of poverty through trade.",
            "poverty"
        ),
        Oppose
    );
}

#[test]
fn furthering_talk_about_a_thing_takes_no_side_on_it() {
    assert_eq!(
        st(
            "Ruritania will promote a better understanding of the effects of nuclear weapons use.",
            "nuclear weapons"
        ),
        Mention
    );
    assert_eq!(
        st(
            "We support a permanent dialogue on mountains and climate change.",
            "climate change"
        ),
        Mention
    );
    // Near misses: understanding between peoples is no talk about what follows, and a
    // dialogue itself is supported.
    assert_eq!(
        st(
            "We promote understanding between peoples and the abolition of the death penalty.",
            "death penalty"
        ),
        Oppose
    );
    assert_eq!(
        st("We support a permanent dialogue on mountains.", "dialogue"),
        Support
    );
}

#[test]
fn whom_a_call_is_made_to_is_not_what_it_is_for() {
    // The addressees of "calls on X to", "urge X to".
    for (t, q) in [
        ("Ruritania calls on other states, including Freedonia, Iran and China, to stop arming the rebels.", "Iran"),
        ("We urge the Security Council to act at once.", "Security Council"),
        ("We call upon donors and financial institutions to honour their pledges.", "financial institutions"),
        ("We demand Freedonia to stop exploiting the conflicts around it.", "Freedonia"),
        ("Ruritania asks the Council to meet in an emergency session.", "Council"),
    ] {
        assert_eq!(st(t, q), Mention, "{t}");
    }
    // Near miss: what is demanded is still for it.
    assert_eq!(
        st("We demand the Council's full support.", "Council"),
        Support
    );
    // What they are called on to do keeps its side.
    assert_eq!(
        st(
            "We call on the United States to lift the embargo.",
            "embargo"
        ),
        Oppose
    );
    // Near misses: what the call is for, before its "to" or in its "that" clause, and a
    // thing rather than those who could act.
    for (t, q) in [
        (
            "We urge the nations to honour the Paris Agreement and to meet their pledges.",
            "Paris Agreement",
        ),
        (
            "Ruritania continues to urge that Taiwan be allowed to take part in the agencies.",
            "Taiwan",
        ),
        (
            "We urge full dialogue among the nations of the region to address these threats.",
            "dialogue",
        ),
    ] {
        assert_eq!(st(t, q), Support, "{t}");
    }
}

#[test]
fn a_subordinate_clause_holds_its_own_subject() {
    // The subject of "undermines" is in its "since" clause, not the title before it.
    assert_eq!(
        st(
            "Ruritania tables a resolution titled Human Rights and Poverty, since extreme poverty undermines dignity.",
            "human rights"
        ),
        Mention
    );
    assert_eq!(
        st(
            "We act on migration because hunger erodes stability.",
            "migration"
        ),
        Mention
    );
    // Near miss: the subject inside the clause is still read.
    assert_eq!(
        st(
            "We act now, because poverty undermines human rights.",
            "poverty"
        ),
        Oppose
    );
}

#[test]
fn there_can_be_no_good_without_its_condition() {
    assert_eq!(
        st(
            "There can be no sustainable development anywhere if our planet is not protected.",
            "sustainable development"
        ),
        Support
    );
    assert_eq!(
        st("There can be no peace without justice.", "peace"),
        Support
    );
    // Near misses: no condition, no good hanging on it.
    assert_eq!(
        st("There can be no military solution.", "military solution"),
        Oppose
    );
    assert_eq!(
        st("There will be no impunity for these crimes.", "impunity"),
        Oppose
    );
}

#[test]
fn the_victim_of_a_wrong_and_one_who_suffers_are_sympathised_with() {
    for t in [
        "We demand an end to the occupation of Freedonia.",
        "Ruritania condemns the invasion of Freedonia and the bombing of its cities.",
        "For decades, Freedonia has suffered a conflict that has undermined the region.",
    ] {
        assert_eq!(st(t, "Freedonia"), Support, "{t}");
    }
    // What one suffers from is a harm.
    assert_eq!(
        st(
            "Our islands suffer from rising seas year after year.",
            "rising seas"
        ),
        Oppose
    );
    // Near miss: "to this end" ends nothing.
    assert_eq!(
        st(
            "To this end, I visited Freedonia and Ruritania.",
            "Freedonia"
        ),
        Mention
    );
}

#[test]
fn what_the_good_cannot_be_had_without_is_needed() {
    assert_eq!(
        st(
            "There will be no peace in the region without the establishment of a Freedonian state.",
            "Freedonian state"
        ),
        Support
    );
    // Near miss: without the "there will be no", it opposes the establishment.
    assert_eq!(
        st(
            "We will act without the establishment of a Freedonian state.",
            "Freedonian state"
        ),
        Oppose
    );
}

#[test]
fn emphasis_alternatives_and_names_of_wrongs_against_their_victims() {
    for (t, q) in [
        // "Spare no effort", "lose no time": no negation.
        ("We will spare no effort in helping the people of Freedonia.", "people of Freedonia"),
        ("We must lose no time in implementing the Digital Compact.", "Digital Compact"),
        ("There is no alternative to democracy and the rule of law.", "democracy"),
        ("Stop killing children and women.", "women"),
        // A name's wrong "against" someone names its victims.
        ("Ruritania acceded to the Convention on the Elimination of all forms of Discrimination against Women.", "Women"),
        // The good listed after "there is no", its condition first.
        ("Without peace, there is no justice, no strong institutions and no development.", "development"),
        // Each infinitive of a list takes the call afresh.
        ("We urge all parties to put an end to these conflicts, to commit to dialogue and to uphold the Charter.", "dialogue"),
    ] {
        assert_eq!(st(t, q), Support, "{t}");
    }
    // Accountability is sought for a wrong and its doers.
    assert_eq!(
        st(
            "We must ensure accountability for all crimes committed by Ruritania.",
            "Ruritania"
        ),
        Oppose
    );
    // Near misses: a plain negation, and a name against a wrong.
    assert_eq!(
        st(
            "There is no military solution to this conflict.",
            "military solution"
        ),
        Oppose
    );
    assert_eq!(
        st(
            "We ratified the Convention against Corruption.",
            "Corruption"
        ),
        Oppose
    );
}

#[test]
fn a_passage_in_capitals_reads_as_one_in_lower_case() {
    let shout = "WE URGE THE FULL IMPLEMENTATION OF THE RESOLUTIONS AIMED AT ENDING ALL FORMS OF COLONIALISM. WE STAND READY.";
    assert_eq!(st(shout, "colonialism"), Oppose);
    assert_eq!(st(&shout.to_lowercase(), "colonialism"), Oppose);
    // The evidence points into the text as written.
    let e = ev(shout, "colonialism");
    assert_eq!(&shout[e.sentence.clone()].trim()[..7], "WE URGE");
    // Sentences still open on a capital; ordinary text, titles and acronyms and all,
    // is read as written.
    assert_eq!(
        super::unshout("WE URGE IT. WE STAND READY.").as_deref(),
        Some("We urge it. We stand ready.")
    );
    assert_eq!(
        super::unshout("Ruritania ratified the UN Convention Against Corruption (UNCAC) in 2010."),
        None
    );
}

#[test]
fn who_measures_are_imposed_on_or_harm_done_to_is_their_victim() {
    // Rejecting what is imposed on a country, or harm done to it, sides with it.
    for (text, query) in [
        ("Ruritania rejects the sanctions imposed on Freedonia.", "Freedonia"),
        ("We condemn the hostility towards Freedonia.", "Freedonia"),
        (
            "We stand against unilateral coercive measures that cause grave harm to Freedonia and others.",
            "Freedonia",
        ),
        ("The blockade causes harm to Freedonia.", "Freedonia"),
    ] {
        assert_eq!(st(text, query), Support, "{text}");
    }
    // Near misses: the measure itself is still what is rejected, and a country named
    // as the one imposing is not the victim.
    assert_eq!(
        st(
            "Ruritania rejects the sanctions imposed on Freedonia.",
            "sanctions"
        ),
        Oppose
    );
    assert_eq!(
        st("We condemn the hostility of Freedonia.", "Freedonia"),
        Oppose
    );
    assert_eq!(
        st(
            "Ruritania rejects the sanctions imposed by Freedonia.",
            "Freedonia"
        ),
        Oppose
    );
    // What the list goes on to name after the victim is rejected again.
    for text in [
        "We urge the lifting of the sanctions imposed on Freedonia, including the embargo on its ports.",
        "We urge the lifting of the sanctions imposed on Freedonia and the embargo on its ports.",
    ] {
        assert_eq!(st(text, "embargo"), Oppose, "{text}");
        assert_eq!(st(text, "Freedonia"), Support, "{text}");
    }
}

#[test]
fn a_flip_inside_the_subject_turns_only_what_it_governs() {
    // "X against Y is unacceptable": X is opposed, Y sympathised with.
    assert_eq!(
        st("The embargo against Freedonia is unacceptable.", "embargo"),
        Oppose
    );
    assert_eq!(
        st(
            "The embargo against Freedonia is unacceptable.",
            "Freedonia"
        ),
        Support
    );
    assert_eq!(
        st("Violence against women is unacceptable.", "women"),
        Support
    );
    assert_eq!(
        st("Violence against women is unacceptable.", "violence"),
        Oppose
    );
    assert_eq!(
        st("The elimination of poverty is essential.", "poverty"),
        Oppose
    );
    // Near miss: a relative clause's subject is its antecedent; the flip before the
    // antecedent does not reach back over it.
    let text = "We defend multilateralism against unilateral coercive measures that cause grave harm to Freedonia and others.";
    assert_eq!(st(text, "multilateralism"), Support);
    assert_eq!(st(text, "unilateral coercive measures"), Oppose);
    assert_eq!(st(text, "Freedonia"), Support);
}

#[test]
fn a_negation_before_a_noun_and_its_participle_negates_the_noun() {
    assert_eq!(
        st(
            "Freedonia must be allowed to conduct its affairs without sanctions imposed upon it by other States.",
            "sanctions"
        ),
        Oppose
    );
    // Near miss: a negation right before a flip still negates the flip.
    assert_eq!(
        st(
            "States must ensure that they are not in violation of the Chemical Weapons Convention.",
            "Chemical Weapons Convention"
        ),
        Support
    );
}

#[test]
fn the_place_of_an_attack_is_its_victim_and_a_body_condemning_is_not_the_author() {
    let text = "Ruritania has condemned the armed group for its attacks in Freedonia last year.";
    assert_eq!(st(text, "Freedonia"), Support);
    assert_eq!(st(text, "armed group"), Oppose);
    assert_eq!(
        st(
            "We condemn the terrorist attacks in Freedonia.",
            "Freedonia"
        ),
        Support
    );
    // What a body of the UN did is reported, not the author's stance.
    assert_eq!(
        st(
            "Since 2014, this body condemned Freedonia many times.",
            "Freedonia"
        ),
        Mention
    );
    assert_eq!(
        st(
            "Since 2014, we condemned Freedonia many times.",
            "Freedonia"
        ),
        Oppose
    );
}

#[test]
fn a_gerund_subject_after_a_connective_is_still_the_subject() {
    assert_eq!(
        st(
            "Therefore, phasing out fossil fuels is crucial to global efforts to reduce emissions.",
            "fossil fuels"
        ),
        Oppose
    );
    assert_eq!(
        st("Above all, ending impunity is essential.", "impunity"),
        Oppose
    );
}

#[test]
fn close_as_an_adjective_closes_nothing() {
    for text in [
        "Ruritania has a very close affinity with the Pacific Ocean.",
        "We work in close cooperation with the Pacific Ocean Commission.",
        "Ruritania has close ties with the Pacific Ocean states.",
    ] {
        assert_eq!(st(text, "Pacific Ocean"), Mention, "{text}");
    }
    assert_eq!(st("We will close the facility.", "facility"), Oppose);
}

#[test]
fn a_relative_clause_says_its_stance_of_its_antecedent_only() {
    // "crises that threaten X": the crises, not what the sentence said before them.
    let text = "The United Nations, in its mission to promote peace and sustainable development, stands at the forefront of these crises that threaten all humanity.";
    assert_eq!(st(text, "sustainable development"), Support);
    // A noun phrase's own "from" or "of" is part of the antecedent.
    assert_eq!(
        st(
            "We are cautious about harm reduction programmes imported from other contexts that may weaken our message.",
            "harm reduction"
        ),
        Oppose
    );
    // After a copula the antecedent names the subject: "X is the formula that will
    // ensure peace" backs X.
    assert_eq!(
        st(
            "The vision of two sovereign states, Freedonia and Sylvania, as full members of the United Nations, is the fairest formula that will ensure lasting peace.",
            "Freedonia"
        ),
        Support
    );
}

#[test]
fn a_clause_of_reason_or_an_opening_as_clause_is_not_the_object() {
    assert_eq!(
        st(
            "Lifting this embargo is more necessary than ever, particularly as we have just adopted by consensus the Pact for the Future.",
            "Pact for the Future"
        ),
        Mention
    );
    // "as we all agreed" is an aside: the sentence goes on.
    assert_eq!(
        st(
            "We need governments to show ambition, as we all agreed last year, to triple renewable energy deployment.",
            "renewable energy"
        ),
        Support
    );
    // "As this session urges us to X, ..., tensions that threaten peace": the opening
    // clause ends at its comma, and the threat to peace is lamented.
    assert_eq!(
        st(
            "As this session urges us to act together, the world remains plagued by escalating tensions that threaten peace and security.",
            "peace"
        ),
        Support
    );
    assert_eq!(
        st(
            "As a member of the Human Rights Council, Ruritania is committed to the universal principles of human rights.",
            "human rights"
        ),
        Support
    );
}

#[test]
fn leaving_no_one_behind_is_no_negation() {
    assert_eq!(
        st(
            "We are firmly committed to leaving no one behind, acting to promote peace, sustainable development and human dignity.",
            "sustainable development"
        ),
        Support
    );
    assert_eq!(
        st("We have taken bold steps to ensure that no one is left behind in our national development.", "national development"),
        Support
    );
}

#[test]
fn aims_and_cores_and_what_is_not_precluded() {
    assert_eq!(
        st(
            "We will work with all states to achieve a comprehensive Security Council reform.",
            "Security Council reform"
        ),
        Support
    );
    assert_eq!(
        st(
            "The respect for human rights must be at the core of our work.",
            "human rights"
        ),
        Support
    );
    assert_eq!(
        st(
            "We preclude the participation of armed groups.",
            "armed groups"
        ),
        Oppose
    );
    assert_eq!(
        st(
            "Ruritania does not preclude the participation of Freedonia.",
            "Freedonia"
        ),
        Support
    );
}

#[test]
fn a_negated_condition_names_what_is_needed() {
    assert_eq!(
        st(
            "Development will never be the norm if we do not guarantee women's rights and inclusion.",
            "women"
        ),
        Support
    );
    assert_eq!(
        st(
            "If we do not stop climate change, our islands will disappear.",
            "climate change"
        ),
        Oppose
    );
    // Near miss: a negation with no condition still turns the side.
    assert_eq!(st("We do not guarantee women's rights.", "women"), Oppose);
}

#[test]
fn deaths_comparisons_and_reasons_after_a_comma() {
    assert_eq!(
        st(
            "We are witnessing the deaths of journalists and Freedonian officials, which is unacceptable.",
            "Freedonian officials"
        ),
        Support
    );
    assert_eq!(
        st(
            "There is no better and more representative framework than our United Nations.",
            "United Nations"
        ),
        Support
    );
    assert_eq!(
        st(
            "A voluntary code would do more for civilians than a new treaty.",
            "new treaty"
        ),
        Oppose
    );
    // ", as doing so would undermine its legitimacy": a reason of its own, not said of
    // the sentence's subject.
    assert_eq!(
        st(
            "The United Nations must not remain indifferent in these situations, as doing so would only undermine its legitimacy.",
            "United Nations"
        ),
        Mention
    );
}

#[test]
fn lives_taken_are_lamented_and_what_took_them_opposed() {
    let text = "In the region, in violation of the principles of international law, the conflict continues to take human lives among the civilian population, particularly children, women and the elderly.";
    assert_eq!(st(text, "women"), Support);
    // The flip of the opening phrase does not reach over its comma to the subject.
    assert_eq!(st(text, "conflict"), Oppose);
    assert_eq!(
        st(
            "The war has claimed the lives of thousands of children.",
            "children"
        ),
        Support
    );
    // "further than this" compares with what came before, taking no side on it.
    assert_eq!(
        st(
            "I am one of only 19 women speaking from this podium. I thought we had come further than this.",
            "women"
        ),
        Mention
    );
}

#[test]
fn the_place_of_a_wrong_is_not_what_it_is_said_of() {
    assert_eq!(st("The war in Freedonia must end.", "Freedonia"), Mention);
    assert_eq!(st("The war—in Freedonia—must end.", "Freedonia"), Mention);
    assert_eq!(
        st("The violence in the Sahel is unacceptable.", "Sahel"),
        Mention
    );
    // Near misses: the wrong itself is still opposed, and "in" after a good thing
    // names what it is in.
    assert_eq!(st("The war in Freedonia must end.", "war"), Oppose);
    assert_eq!(
        st(
            "Investment in renewable energy is essential.",
            "renewable energy"
        ),
        Support
    );
}

#[test]
fn overcoming_what_stands_against_a_thing_is_for_it() {
    assert_eq!(
        st(
            "Together we can overcome the forces that stand against cooperation.",
            "cooperation"
        ),
        Support
    );
    assert_eq!(st("Farmers overcame the drought.", "drought"), Oppose);
    // Its object ends where another action begins.
    assert_eq!(
        st(
            "We call for support to overcome crises and achieve peace and development.",
            "development"
        ),
        Support
    );
    // Passive, it is said of its subject, not of where it happened.
    assert_eq!(
        st(
            "This obstacle has finally been overcome at the Council level.",
            "Council"
        ),
        Mention
    );
}

#[test]
fn a_time_named_by_its_end_puts_an_end_to_nothing() {
    assert_eq!(
        st(
            "We will provide $5 million by this year's end for refugees.",
            "refugees"
        ),
        Mention
    );
    // Near miss: an end asked for still opposes.
    assert_eq!(st("The blockade must end.", "blockade"), Oppose);
}

#[test]
fn a_trend_reported_is_no_stance_and_an_intransitive_cue_has_no_object() {
    assert_eq!(
        st("We have seen an increase in wildfires.", "wildfires"),
        Mention
    );
    assert_eq!(
        st(
            "Enrolment is increasing and the library stays open late.",
            "library"
        ),
        Mention
    );
    // Near misses: an increase asked for, and a transitive cue's object.
    assert_eq!(
        st(
            "We call for an increase in climate finance.",
            "climate finance"
        ),
        Support
    );
    assert_eq!(
        st("We will increase the library budget.", "library"),
        Support
    );
}

#[test]
fn a_threat_is_what_its_subject_names() {
    assert_eq!(
        st(
            "The spread of misinformation is a threat.",
            "misinformation"
        ),
        Oppose
    );
    assert_eq!(
        st("The erosion of free trade is a threat.", "free trade"),
        Support
    );
}

#[test]
fn a_flip_in_the_antecedent_of_a_relative_clause_turns_what_it_says() {
    // Said of what others face, the noun's flip is still no one's stance.
    assert_eq!(
        st(
            "Small states face the erosion of free trade, which is a violation of the rules.",
            "free trade"
        ),
        Support
    );
    assert_eq!(
        st(
            "Small states face tariffs and the erosion of free trade, which are flagrant violations of the rules.",
            "free trade"
        ),
        Support
    );
    assert_eq!(
        st(
            "Mr. President, small states face great challenges, including the erosion of free trade, which are flagrant violations of the rules.",
            "free trade"
        ),
        Support
    );
    // Near miss: with no flip the antecedent is what the violation is.
    assert_eq!(
        st(
            "Small states face new tariffs, which are flagrant violations of the rules.",
            "tariffs"
        ),
        Oppose
    );
}

#[test]
fn a_name_paired_with_another_takes_no_side() {
    assert_eq!(
        st("The Freedonia-Sylvania war must end.", "Sylvania"),
        Mention
    );
    assert_eq!(
        st(
            "We condemn the Freedonia-Sylvania war and the aggression of Sylvania.",
            "Sylvania"
        ),
        Oppose
    );
    // Near misses: a pair asked for is what the query names, and a hyphen inside one
    // word of the query is no pair.
    assert_eq!(
        st(
            "We advocate negotiations between Freedonia and Sylvania.",
            "Freedonia Sylvania"
        ),
        Support
    );
    assert_eq!(
        st("Freedonia condemns cyber-attacks.", "cyber-attacks"),
        Oppose
    );
}

#[test]
fn whose_wrong_it_is_is_opposed() {
    assert_eq!(
        st(
            "We draw attention to the case concerning Freedonia's gross violations of international law.",
            "Freedonia"
        ),
        Oppose
    );
    assert_eq!(
        st(
            "Freedonia's occupation of the islands continues.",
            "Freedonia"
        ),
        Oppose
    );
    // Near misses: what the wrong is done to, and a possessor of no wrong.
    assert_eq!(
        st(
            "We condemn Freedonia's gross violations of international law.",
            "international law"
        ),
        Support
    );
    assert_eq!(
        st("We welcome Freedonia's independence.", "Freedonia"),
        Support
    );
}

#[test]
fn a_call_for_a_named_party_to_act_takes_no_side_on_it() {
    assert_eq!(
        st(
            "We renew our call for Freedonia to stop this war.",
            "Freedonia"
        ),
        Mention
    );
    // Near misses: what is called for, and a thing called for to be done.
    assert_eq!(
        st("We renew our call for a ceasefire.", "ceasefire"),
        Support
    );
    assert_eq!(
        st(
            "We call for the Convention to be ratified without delay.",
            "Convention"
        ),
        Support
    );
}

#[test]
fn names_paired_by_between_take_no_side() {
    assert_eq!(
        st(
            "We advocate inclusive negotiations between Freedonia and Sylvania.",
            "Freedonia"
        ),
        Mention
    );
    assert_eq!(
        st(
            "We advocate inclusive negotiations between Freedonia and Sylvania.",
            "Sylvania"
        ),
        Mention
    );
    // Near miss: the negotiations themselves are advocated.
    assert_eq!(
        st(
            "We advocate inclusive negotiations between Freedonia and Sylvania.",
            "negotiations"
        ),
        Support
    );
}

#[test]
fn whose_wrong_it_is_needs_no_cue() {
    assert_eq!(
        st(
            "As a direct response to Freedonia's full-scale invasion, we joined the alliance.",
            "Freedonia"
        ),
        Oppose
    );
    assert_eq!(
        st(
            "Freedonia's unprovoked aggression against Sylvania and the war in the south rage on.",
            "Freedonia"
        ),
        Oppose
    );
    // Near misses: a wrong only alleged, and a possessor of no wrong.
    assert_eq!(
        st(
            "Reports speak of Freedonia's alleged violations of the accord.",
            "Freedonia"
        ),
        Mention
    );
    assert_eq!(
        st("We welcome Freedonia's full participation.", "Freedonia"),
        Support
    );
}

#[test]
fn a_title_opening_a_sentence_is_no_list_number() {
    assert_eq!(
        st(
            "Mr. President, apart from the others, Freedonia is here.",
            "Freedonia"
        ),
        Mention
    );
    // Near miss: a numbered proposal still proposes.
    assert_eq!(
        st("iv. A regional fund for Freedonia.", "regional fund"),
        Support
    );
}

#[test]
fn a_place_is_not_what_the_next_sentence_refers_back_to() {
    assert_eq!(
        st(
            "In Freedonia, the war has spread far. It is imperative to end this conflict.",
            "Freedonia"
        ),
        Mention
    );
    // Near miss: what the first sentence is about is.
    assert_eq!(
        st(
            "The blockade has lasted for years. It must end.",
            "blockade"
        ),
        Oppose
    );
}

#[test]
fn a_flip_split_by_its_agent_still_turns_what_follows() {
    assert_eq!(
        st(
            "We condemn the attacks by the militia on Freedonia.",
            "Freedonia"
        ),
        Support
    );
    assert_eq!(
        st(
            "We call for the lifting of the measures imposed by some powers on Freedonia.",
            "Freedonia"
        ),
        Support
    );
    // Near miss: the agent is still what the attacks are condemned for.
    assert_eq!(
        st(
            "We condemn the attacks by the militia on Freedonia.",
            "militia"
        ),
        Oppose
    );
}

#[test]
fn where_people_were_moved_to_is_not_what_is_asked_for() {
    for (t, q) in [
        (
            "We need to bring home all our civilians forcibly deported to Freedonia.",
            "Freedonia",
        ),
        (
            "Ruritania demands the return of the children taken to Freedonia.",
            "Freedonia",
        ),
        (
            "We support the victims of weapons smuggled into Freedonia.",
            "Freedonia",
        ),
    ] {
        assert_eq!(st(t, q), Mention, "{t}");
    }
    // Near misses: what is asked for keeps its side, and a name after "to" that no
    // movement comes before is still read.
    assert_eq!(
        st(
            "We need to bring home all our civilians deported to Freedonia.",
            "civilians"
        ),
        Support
    );
    assert_eq!(
        st("We pledge our support to Freedonia.", "Freedonia"),
        Support
    );
}

#[test]
fn the_means_of_an_action_is_taken_as_the_action_is() {
    for (t, q) in [
        ("We must fight terrorism by strengthening cooperation among police forces.", "cooperation"),
        (
            "Ruritania works to reduce conflict and prevent bloodshed by adhering to dialogue, the rules of international law, the Charter and the resolutions of the Council.",
            "Charter",
        ),
    ] {
        assert_eq!(st(t, q), Support, "{t}");
    }
    // A place in a relative clause about the means' object is where it is.
    assert_eq!(
        st(
            "Ruritania calls for the eradication of colonialism by closing the last chapter that still stands open in Freedonia.",
            "Freedonia"
        ),
        Mention
    );
    // Not a field it happens in.
    assert_eq!(
        st(
            "Ruritania welcomes the reforms that brought progress in gender equality.",
            "gender equality"
        ),
        Support
    );
    // What the action is against stays opposed, and a means against something is
    // against it.
    assert_eq!(
        st(
            "We must fight terrorism by strengthening cooperation among police forces.",
            "terrorism"
        ),
        Oppose
    );
    assert_eq!(
        st(
            "We will reduce poverty by ending the blockade of the ports.",
            "blockade"
        ),
        Oppose
    );
}

#[test]
fn what_a_breach_of_a_rule_offends_is_upheld() {
    for (t, q) in [
        ("Ruritania firmly opposes unilateral sanctions that contravene international law and the Charter.", "Charter"),
        ("Such blockades flout the Charter of the United Nations.", "Charter"),
        ("These measures infringe upon the sovereignty of small states.", "sovereignty"),
    ] {
        assert_eq!(st(t, q), Support, "{t}");
    }
    // The breach itself is opposed, and so is one who must not be let go on with it.
    assert_eq!(
        st("Unilateral sanctions contravene the Charter.", "sanctions"),
        Oppose
    );
    assert_eq!(
        st(
            "Freedonia cannot be permitted to continue flouting the most basic principles of law.",
            "Freedonia"
        ),
        Oppose
    );
}

#[test]
fn a_list_put_forward_by_its_introduction_is_proposed() {
    for lead in [
        "Kenya proposes the following measures:",
        "We call on all States to:",
        "This reform must include the following objectives:",
        "We will continue to insist on:",
        "Ecuador reaffirms its commitment to:",
        "We must redouble our efforts, overcome our divisions, and act collectively to:",
        "The delegation recommends:",
        "This government has five core priorities:",
    ] {
        assert!(lead_proposes(lead), "{lead}");
    }
    for lead in [
        "Several factors contribute to this decline:",
        "The model has four pillars:",
        "So allow me to invoke three American authors:",
        "A member of the Education Values Committee identifies five values:",
        "We face urgent challenges:",
        "We cannot accept the following:",
        "Kenya does not support:",
        "A country called Freedonia wrote:",
    ] {
        assert!(!lead_proposes(lead), "{lead}");
    }
}

#[test]
fn a_counter_that_is_a_thing_takes_no_side() {
    let t = "The UN must be a platform for addressing transnational threats: migration, pandemics, hunger. Trillions spent on arms (as the real-time counter outside this hall shows) should be redirected to address human needs.";
    let e = ev(t, "migration");
    assert!(
        e.cues.iter().all(|c| &t[c[0]..c[1]] != "counter"),
        "{:?}",
        e.cues.iter().map(|c| &t[c[0]..c[1]]).collect::<Vec<_>>()
    );
    // The verb still is one.
    assert_eq!(
        st(
            "Ghana will counter irregular migration with jobs.",
            "migration"
        ),
        Stance::Oppose
    );
}

#[test]
fn it_does_not_refer_back_to_one_item_of_a_list() {
    let t = "This cannot be delivered by a UN paralyzed when faced with division, conflict, terrorism and violence. Nor can it be advanced if access to fuel, food and fertilizer is jeopardized.";
    assert_eq!(st(t, "terrorism"), Stance::Mention);
    // What a plural refers back to may be the list.
    let t = "We face drought, floods and terrorism. We must combat them.";
    assert_eq!(st(t, "terrorism"), Stance::Oppose);
    // "It" after one item does not; after a word alone it does.
    let t = "We face drought, floods and terrorism. We must combat it.";
    assert_eq!(st(t, "terrorism"), Stance::Mention);
    let t = "Terrorism has spread across the Sahel. We must combat it.";
    assert_eq!(st(t, "terrorism"), Stance::Oppose);
}

#[test]
fn items_of_a_list_are_told() {
    let text = "faced with division, conflict, terrorism and violence. In 2024, terrorism killed many. terrorism, extremism and crime. hunger, disease and terrorism grow. terrorism, which kills, must end.";
    let at = |nth: usize| {
        let (s, _) = text.match_indices("terrorism").nth(nth).unwrap();
        s..s + "terrorism".len()
    };
    let listed: Vec<bool> = (0..5).map(|n| enumerated(text, &at(n))).collect();
    assert_eq!(listed, [true, false, true, true, false]);
}

/// `st_in` for a passage its author wrote.
fn by(text: &str, query: &str, author: &str) -> Stance {
    st_in(
        text,
        query,
        &Reading {
            author,
            ..Reading::default()
        },
    )
}

#[test]
fn contributing_to_a_thing_is_a_stance_only_when_the_author_contributes() {
    // Something else that contributes to it takes no side.
    let t =
        "It also contributes to the increasing use of small arms and weapons of mass destruction.";
    assert_eq!(by(t, "small arms", "Cameroon"), Stance::Mention);
    let t = "Green House Gas emissions from human activities have irrefutably contributed to global warming and sea level rise.";
    assert_eq!(by(t, "sea level rise", "Mauritius"), Stance::Mention);
    // The author does, under any of its names, and a dozen words on.
    let t = "The Kyrgyz Republic is ready to contribute to the efforts of the General Assembly and the Security Council.";
    assert_eq!(by(t, "Security Council", "Kyrgyzstan"), Stance::Support);
    let t = "Turkey's development cooperation activities contribute to achieving the Sustainable Development Goals.";
    assert_eq!(by(t, "Sustainable Development", "Türkiye"), Stance::Support);
    let t = "Azerbaijan will continue to play an essential role in global energy security, contributing to sustainable development in the region.";
    assert_eq!(
        by(t, "sustainable development", "Azerbaijan"),
        Stance::Support
    );
    // What follows "that" has a subject of its own.
    let t = "Korea's position is that international humanitarian law applies fully to all weapon systems, including those with autonomous functions, and that humans must remain responsible for decisions on the use of force.";
    assert_eq!(
        by(t, "fully autonomous weapons", "South Korea"),
        Stance::Mention
    );
}

#[test]
fn realising_that_is_a_belief_not_a_goal() {
    let t = "In the face of the unprovoked war, we must realise that Security Council membership is not a carte blanche.";
    assert_eq!(st(t, "Security Council"), Stance::Mention);
    // Realising a goal is still supporting it.
    let t = "We must realise the Sustainable Development Goals by 2030.";
    assert_eq!(st(t, "Sustainable Development Goals"), Stance::Support);
}

#[test]
fn a_wrong_in_a_place_is_not_said_against_the_place() {
    for t in [
        "Pakistan calls for an immediate end to the tragic conflict in Ukraine, and a peaceful resolution in line with the UN Charter.",
        "That is why it is so important today to stop the Russian war in Ukraine.",
        "We condemn the violence in the Sahel and in Ukraine.",
    ] {
        assert_eq!(st(t, "Ukraine"), Stance::Mention, "{t}");
    }
    // A cue's own "in" takes its object; the victim of a wrong is still sympathised
    // with; help given in a place stays for it.
    assert_eq!(
        st("Freedonia refuses to invest in Ukraine.", "Ukraine"),
        Stance::Oppose
    );
    assert_eq!(
        st("We condemn the occupation of Ukraine.", "Ukraine"),
        Stance::Support
    );
    assert_eq!(
        st(
            "We strongly support humanitarian aid in Ukraine.",
            "Ukraine"
        ),
        Stance::Support
    );
}

#[test]
fn a_war_against_a_country_is_against_it() {
    for t in [
        "We have long warned of what comes if the brutal war on Freedonia does not end.",
        "We have long warned of what comes if the brutal war against Freedonia does not end.",
        "We warned of what comes if the aggression against Freedonia does not end.",
    ] {
        assert_ne!(st(t, "Freedonia"), Stance::Oppose, "{t}");
    }
    // A war on a wrong is waged against it.
    assert_eq!(
        st(
            "We strongly support the war on drug trafficking.",
            "drug trafficking"
        ),
        Stance::Oppose
    );
}

#[test]
fn what_there_can_be_nothing_without_is_needed() {
    let t = "Let me be very clear: there cannot be any talks about Freedonia without Freedonia.";
    assert_eq!(st(t, "Freedonia"), Stance::Support);
    let t = "There is no lasting settlement without the consent of Freedonia.";
    assert_eq!(st(t, "Freedonia"), Stance::Support);
    // Any talks held without it are still against it.
    let t = "Talks were held without Freedonia.";
    assert_ne!(st(t, "Freedonia"), Stance::Support);
}
