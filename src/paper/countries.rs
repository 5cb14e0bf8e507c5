//! Country names for delegations: the static table of UN member states (plus observers, Taiwan and Kosovo), name normalisation, lookup, file-name guessing and "did you mean" suggestions.

use std::collections::HashMap;
use std::sync::OnceLock;

/// One state a delegation can represent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Country {
    /// Common English name, as a delegate writes it: "Belgium", "United States", "Russia", "Côte d'Ivoire", ...
    pub name: &'static str,
    /// Official (formal) name: "Kingdom of Belgium", "United States of America", "Russian Federation", ...
    pub official: &'static str,
    /// ISO 3166-1 alpha-3 code: "BEL" (Kosovo uses the user-assigned "XKX").
    pub iso3: &'static str,
    /// ISO 3166-1 alpha-2 code: "BE" (Kosovo uses the user-assigned "XK").
    pub iso2: &'static str,
    /// Other names people write: "USA", "UK", "Ivory Coast", "Burma", "DRC", ...
    pub aliases: &'static [&'static str],
    /// UN regional group (one of [`REGIONS`]), or "" where none applies
    /// (Holy See, Palestine, Taiwan, Kosovo).
    pub region: &'static str,
    /// true for UN member states, false for observers and others.
    pub member: bool,
}

/// UN regional group: African Group.
pub const AFRICAN: &str = "African";
/// UN regional group: Asia-Pacific Group.
pub const ASIA_PACIFIC: &str = "Asia-Pacific";
/// UN regional group: Eastern European Group.
pub const EASTERN_EUROPEAN: &str = "Eastern European";
/// UN regional group: Latin American and Caribbean Group (GRULAC).
pub const LATIN_AMERICAN_CARIBBEAN: &str = "Latin American and Caribbean";
/// UN regional group: Western European and Others Group (WEOG).
pub const WESTERN_EUROPEAN_OTHERS: &str = "Western European and Others";

/// The five UN regional groups, as used in [`Country::region`].
pub const REGIONS: &[&str] = &[
    AFRICAN,
    ASIA_PACIFIC,
    EASTERN_EUROPEAN,
    LATIN_AMERICAN_CARIBBEAN,
    WESTERN_EUROPEAN_OTHERS,
];

const AF: &str = AFRICAN;
const AP: &str = ASIA_PACIFIC;
const EE: &str = EASTERN_EUROPEAN;
const LA: &str = LATIN_AMERICAN_CARIBBEAN;
const WE: &str = WESTERN_EUROPEAN_OTHERS;

/// A UN member state.
const fn m(
    name: &'static str,
    official: &'static str,
    iso3: &'static str,
    iso2: &'static str,
    region: &'static str,
    aliases: &'static [&'static str],
) -> Country {
    Country {
        name,
        official,
        iso3,
        iso2,
        aliases,
        region,
        member: true,
    }
}

/// An observer state or other non-member.
const fn o(
    name: &'static str,
    official: &'static str,
    iso3: &'static str,
    iso2: &'static str,
    aliases: &'static [&'static str],
) -> Country {
    Country {
        name,
        official,
        iso3,
        iso2,
        aliases,
        region: "",
        member: false,
    }
}

/// All 193 UN member states, then the observer states (Holy See, State of
/// Palestine) and the non-members Taiwan and Kosovo.
#[rustfmt::skip]
pub static COUNTRIES: &[Country] = &[
    m("Afghanistan", "Islamic Republic of Afghanistan", "AFG", "AF", AP, &["Islamic Emirate of Afghanistan"]),
    m("Albania", "Republic of Albania", "ALB", "AL", EE, &[]),
    m("Algeria", "People's Democratic Republic of Algeria", "DZA", "DZ", AF, &[]),
    m("Andorra", "Principality of Andorra", "AND", "AD", WE, &[]),
    m("Angola", "Republic of Angola", "AGO", "AO", AF, &[]),
    m("Antigua and Barbuda", "Antigua and Barbuda", "ATG", "AG", LA, &["Antigua & Barbuda", "Antigua"]),
    m("Argentina", "Argentine Republic", "ARG", "AR", LA, &["Republic of Argentina"]),
    m("Armenia", "Republic of Armenia", "ARM", "AM", EE, &[]),
    m("Australia", "Commonwealth of Australia", "AUS", "AU", WE, &[]),
    m("Austria", "Republic of Austria", "AUT", "AT", WE, &[]),
    m("Azerbaijan", "Republic of Azerbaijan", "AZE", "AZ", EE, &[]),
    m("Bahamas", "Commonwealth of The Bahamas", "BHS", "BS", LA, &["The Bahamas"]),
    m("Bahrain", "Kingdom of Bahrain", "BHR", "BH", AP, &[]),
    m("Bangladesh", "People's Republic of Bangladesh", "BGD", "BD", AP, &[]),
    m("Barbados", "Barbados", "BRB", "BB", LA, &[]),
    m("Belarus", "Republic of Belarus", "BLR", "BY", EE, &["Byelorussia", "Belorussia"]),
    m("Belgium", "Kingdom of Belgium", "BEL", "BE", WE, &[]),
    m("Belize", "Belize", "BLZ", "BZ", LA, &[]),
    m("Benin", "Republic of Benin", "BEN", "BJ", AF, &[]),
    m("Bhutan", "Kingdom of Bhutan", "BTN", "BT", AP, &[]),
    m("Bolivia", "Plurinational State of Bolivia", "BOL", "BO", LA, &["Bolivia (Plurinational State of)", "Republic of Bolivia"]),
    m("Bosnia and Herzegovina", "Bosnia and Herzegovina", "BIH", "BA", EE, &["Bosnia & Herzegovina", "Bosnia-Herzegovina", "Bosnia", "BiH"]),
    m("Botswana", "Republic of Botswana", "BWA", "BW", AF, &[]),
    m("Brazil", "Federative Republic of Brazil", "BRA", "BR", LA, &["Brasil"]),
    m("Brunei", "Nation of Brunei, the Abode of Peace", "BRN", "BN", AP, &["Brunei Darussalam"]),
    m("Bulgaria", "Republic of Bulgaria", "BGR", "BG", EE, &[]),
    m("Burkina Faso", "Burkina Faso", "BFA", "BF", AF, &[]),
    m("Burundi", "Republic of Burundi", "BDI", "BI", AF, &[]),
    m("Cabo Verde", "Republic of Cabo Verde", "CPV", "CV", AF, &["Cape Verde", "Republic of Cape Verde"]),
    m("Cambodia", "Kingdom of Cambodia", "KHM", "KH", AP, &[]),
    m("Cameroon", "Republic of Cameroon", "CMR", "CM", AF, &[]),
    m("Canada", "Canada", "CAN", "CA", WE, &[]),
    m("Central African Republic", "Central African Republic", "CAF", "CF", AF, &["CAR"]),
    m("Chad", "Republic of Chad", "TCD", "TD", AF, &[]),
    m("Chile", "Republic of Chile", "CHL", "CL", LA, &[]),
    m("China", "People's Republic of China", "CHN", "CN", AP, &["PRC", "Mainland China"]),
    m("Colombia", "Republic of Colombia", "COL", "CO", LA, &[]),
    m("Comoros", "Union of the Comoros", "COM", "KM", AF, &["The Comoros"]),
    m("Republic of the Congo", "Republic of the Congo", "COG", "CG", AF, &["Congo", "Republic of Congo", "Congo-Brazzaville", "Congo (Brazzaville)", "Congo Republic"]),
    m("Costa Rica", "Republic of Costa Rica", "CRI", "CR", LA, &[]),
    m("Côte d'Ivoire", "Republic of Côte d'Ivoire", "CIV", "CI", AF, &["Ivory Coast", "Cote d'Ivoire", "Côte d Ivoire"]),
    m("Croatia", "Republic of Croatia", "HRV", "HR", EE, &["Hrvatska"]),
    m("Cuba", "Republic of Cuba", "CUB", "CU", LA, &[]),
    m("Cyprus", "Republic of Cyprus", "CYP", "CY", AP, &[]),
    m("Czech Republic", "Czech Republic", "CZE", "CZ", EE, &["Czechia"]),
    m("North Korea", "Democratic People's Republic of Korea", "PRK", "KP", AP, &["DPRK", "DPR Korea", "N. Korea", "Korea, Democratic People's Republic of", "Korea DPR"]),
    m("Democratic Republic of the Congo", "Democratic Republic of the Congo", "COD", "CD", AF, &["DRC", "DR Congo", "DROC", "Democratic Republic of Congo", "Congo-Kinshasa", "Congo (Kinshasa)", "Congo, Democratic Republic of the"]),
    m("Denmark", "Kingdom of Denmark", "DNK", "DK", WE, &[]),
    m("Djibouti", "Republic of Djibouti", "DJI", "DJ", AF, &[]),
    m("Dominica", "Commonwealth of Dominica", "DMA", "DM", LA, &[]),
    m("Dominican Republic", "Dominican Republic", "DOM", "DO", LA, &[]),
    m("Ecuador", "Republic of Ecuador", "ECU", "EC", LA, &[]),
    m("Egypt", "Arab Republic of Egypt", "EGY", "EG", AF, &[]),
    m("El Salvador", "Republic of El Salvador", "SLV", "SV", LA, &[]),
    m("Equatorial Guinea", "Republic of Equatorial Guinea", "GNQ", "GQ", AF, &[]),
    m("Eritrea", "State of Eritrea", "ERI", "ER", AF, &[]),
    m("Estonia", "Republic of Estonia", "EST", "EE", EE, &[]),
    m("Eswatini", "Kingdom of Eswatini", "SWZ", "SZ", AF, &["Swaziland", "Kingdom of Swaziland"]),
    m("Ethiopia", "Federal Democratic Republic of Ethiopia", "ETH", "ET", AF, &[]),
    m("Fiji", "Republic of Fiji", "FJI", "FJ", AP, &[]),
    m("Finland", "Republic of Finland", "FIN", "FI", WE, &[]),
    m("France", "French Republic", "FRA", "FR", WE, &[]),
    m("Gabon", "Gabonese Republic", "GAB", "GA", AF, &[]),
    m("Gambia", "Republic of The Gambia", "GMB", "GM", AF, &["The Gambia"]),
    m("Georgia", "Georgia", "GEO", "GE", EE, &[]),
    m("Germany", "Federal Republic of Germany", "DEU", "DE", WE, &["Deutschland"]),
    m("Ghana", "Republic of Ghana", "GHA", "GH", AF, &[]),
    m("Greece", "Hellenic Republic", "GRC", "GR", WE, &["Hellas"]),
    m("Grenada", "Grenada", "GRD", "GD", LA, &[]),
    m("Guatemala", "Republic of Guatemala", "GTM", "GT", LA, &[]),
    m("Guinea", "Republic of Guinea", "GIN", "GN", AF, &["Guinea-Conakry"]),
    m("Guinea-Bissau", "Republic of Guinea-Bissau", "GNB", "GW", AF, &[]),
    m("Guyana", "Co-operative Republic of Guyana", "GUY", "GY", LA, &[]),
    m("Haiti", "Republic of Haiti", "HTI", "HT", LA, &[]),
    m("Honduras", "Republic of Honduras", "HND", "HN", LA, &[]),
    m("Hungary", "Hungary", "HUN", "HU", EE, &[]),
    m("Iceland", "Iceland", "ISL", "IS", WE, &[]),
    m("India", "Republic of India", "IND", "IN", AP, &["Bharat"]),
    m("Indonesia", "Republic of Indonesia", "IDN", "ID", AP, &[]),
    m("Iran", "Islamic Republic of Iran", "IRN", "IR", AP, &["Iran (Islamic Republic of)"]),
    m("Iraq", "Republic of Iraq", "IRQ", "IQ", AP, &[]),
    m("Ireland", "Ireland", "IRL", "IE", WE, &["Republic of Ireland", "Éire"]),
    m("Israel", "State of Israel", "ISR", "IL", WE, &[]),
    m("Italy", "Italian Republic", "ITA", "IT", WE, &[]),
    m("Jamaica", "Jamaica", "JAM", "JM", LA, &[]),
    m("Japan", "Japan", "JPN", "JP", AP, &["Nippon"]),
    m("Jordan", "Hashemite Kingdom of Jordan", "JOR", "JO", AP, &[]),
    m("Kazakhstan", "Republic of Kazakhstan", "KAZ", "KZ", AP, &[]),
    m("Kenya", "Republic of Kenya", "KEN", "KE", AF, &[]),
    m("Kiribati", "Republic of Kiribati", "KIR", "KI", AP, &[]),
    m("Kuwait", "State of Kuwait", "KWT", "KW", AP, &[]),
    m("Kyrgyzstan", "Kyrgyz Republic", "KGZ", "KG", AP, &["Kirghizia"]),
    m("Laos", "Lao People's Democratic Republic", "LAO", "LA", AP, &["Lao PDR", "Lao"]),
    m("Latvia", "Republic of Latvia", "LVA", "LV", EE, &[]),
    m("Lebanon", "Lebanese Republic", "LBN", "LB", AP, &[]),
    m("Lesotho", "Kingdom of Lesotho", "LSO", "LS", AF, &[]),
    m("Liberia", "Republic of Liberia", "LBR", "LR", AF, &[]),
    m("Libya", "State of Libya", "LBY", "LY", AF, &["Libyan Arab Jamahiriya"]),
    m("Liechtenstein", "Principality of Liechtenstein", "LIE", "LI", WE, &[]),
    m("Lithuania", "Republic of Lithuania", "LTU", "LT", EE, &[]),
    m("Luxembourg", "Grand Duchy of Luxembourg", "LUX", "LU", WE, &[]),
    m("Madagascar", "Republic of Madagascar", "MDG", "MG", AF, &[]),
    m("Malawi", "Republic of Malawi", "MWI", "MW", AF, &[]),
    m("Malaysia", "Malaysia", "MYS", "MY", AP, &[]),
    m("Maldives", "Republic of Maldives", "MDV", "MV", AP, &["The Maldives"]),
    m("Mali", "Republic of Mali", "MLI", "ML", AF, &[]),
    m("Malta", "Republic of Malta", "MLT", "MT", WE, &[]),
    m("Marshall Islands", "Republic of the Marshall Islands", "MHL", "MH", AP, &[]),
    m("Mauritania", "Islamic Republic of Mauritania", "MRT", "MR", AF, &[]),
    m("Mauritius", "Republic of Mauritius", "MUS", "MU", AF, &[]),
    m("Mexico", "United Mexican States", "MEX", "MX", LA, &["México"]),
    m("Micronesia", "Federated States of Micronesia", "FSM", "FM", AP, &["Micronesia (Federated States of)"]),
    m("Moldova", "Republic of Moldova", "MDA", "MD", EE, &[]),
    m("Monaco", "Principality of Monaco", "MCO", "MC", WE, &[]),
    m("Mongolia", "Mongolia", "MNG", "MN", AP, &[]),
    m("Montenegro", "Montenegro", "MNE", "ME", EE, &[]),
    m("Morocco", "Kingdom of Morocco", "MAR", "MA", AF, &[]),
    m("Mozambique", "Republic of Mozambique", "MOZ", "MZ", AF, &[]),
    m("Myanmar", "Republic of the Union of Myanmar", "MMR", "MM", AP, &["Burma"]),
    m("Namibia", "Republic of Namibia", "NAM", "NA", AF, &[]),
    m("Nauru", "Republic of Nauru", "NRU", "NR", AP, &[]),
    m("Nepal", "Federal Democratic Republic of Nepal", "NPL", "NP", AP, &[]),
    m("Netherlands", "Kingdom of the Netherlands", "NLD", "NL", WE, &["The Netherlands", "Holland", "Nederland"]),
    m("New Zealand", "New Zealand", "NZL", "NZ", WE, &["Aotearoa"]),
    m("Nicaragua", "Republic of Nicaragua", "NIC", "NI", LA, &[]),
    m("Niger", "Republic of the Niger", "NER", "NE", AF, &["Republic of Niger"]),
    m("Nigeria", "Federal Republic of Nigeria", "NGA", "NG", AF, &[]),
    m("North Macedonia", "Republic of North Macedonia", "MKD", "MK", EE, &["Macedonia", "Republic of Macedonia", "FYROM", "The former Yugoslav Republic of Macedonia"]),
    m("Norway", "Kingdom of Norway", "NOR", "NO", WE, &[]),
    m("Oman", "Sultanate of Oman", "OMN", "OM", AP, &[]),
    m("Pakistan", "Islamic Republic of Pakistan", "PAK", "PK", AP, &[]),
    m("Palau", "Republic of Palau", "PLW", "PW", AP, &[]),
    m("Panama", "Republic of Panama", "PAN", "PA", LA, &["Panamá"]),
    m("Papua New Guinea", "Independent State of Papua New Guinea", "PNG", "PG", AP, &[]),
    m("Paraguay", "Republic of Paraguay", "PRY", "PY", LA, &[]),
    m("Peru", "Republic of Peru", "PER", "PE", LA, &["Perú"]),
    m("Philippines", "Republic of the Philippines", "PHL", "PH", AP, &["The Philippines"]),
    m("Poland", "Republic of Poland", "POL", "PL", EE, &["Polska"]),
    m("Portugal", "Portuguese Republic", "PRT", "PT", WE, &[]),
    m("Qatar", "State of Qatar", "QAT", "QA", AP, &[]),
    m("South Korea", "Republic of Korea", "KOR", "KR", AP, &["Korea", "ROK", "S. Korea", "Korea, Republic of", "Korea (Republic of)"]),
    m("Romania", "Romania", "ROU", "RO", EE, &["Rumania"]),
    m("Russia", "Russian Federation", "RUS", "RU", EE, &[]),
    m("Rwanda", "Republic of Rwanda", "RWA", "RW", AF, &[]),
    m("Saint Kitts and Nevis", "Federation of Saint Christopher and Nevis", "KNA", "KN", LA, &["St Kitts and Nevis", "Saint Kitts", "St Kitts", "Saint Christopher and Nevis"]),
    m("Saint Lucia", "Saint Lucia", "LCA", "LC", LA, &["St Lucia"]),
    m("Saint Vincent and the Grenadines", "Saint Vincent and the Grenadines", "VCT", "VC", LA, &["St Vincent and the Grenadines", "Saint Vincent", "St Vincent", "SVG"]),
    m("Samoa", "Independent State of Samoa", "WSM", "WS", AP, &["Western Samoa"]),
    m("San Marino", "Republic of San Marino", "SMR", "SM", WE, &[]),
    m("São Tomé and Príncipe", "Democratic Republic of São Tomé and Príncipe", "STP", "ST", AF, &["Sao Tome and Principe", "Sao Tome & Principe", "São Tomé"]),
    m("Saudi Arabia", "Kingdom of Saudi Arabia", "SAU", "SA", AP, &["KSA"]),
    m("Senegal", "Republic of Senegal", "SEN", "SN", AF, &[]),
    m("Serbia", "Republic of Serbia", "SRB", "RS", EE, &[]),
    m("Seychelles", "Republic of Seychelles", "SYC", "SC", AF, &[]),
    m("Sierra Leone", "Republic of Sierra Leone", "SLE", "SL", AF, &[]),
    m("Singapore", "Republic of Singapore", "SGP", "SG", AP, &[]),
    m("Slovakia", "Slovak Republic", "SVK", "SK", EE, &[]),
    m("Slovenia", "Republic of Slovenia", "SVN", "SI", EE, &[]),
    m("Solomon Islands", "Solomon Islands", "SLB", "SB", AP, &[]),
    m("Somalia", "Federal Republic of Somalia", "SOM", "SO", AF, &[]),
    m("South Africa", "Republic of South Africa", "ZAF", "ZA", AF, &["RSA"]),
    m("South Sudan", "Republic of South Sudan", "SSD", "SS", AF, &[]),
    m("Spain", "Kingdom of Spain", "ESP", "ES", WE, &["España"]),
    m("Sri Lanka", "Democratic Socialist Republic of Sri Lanka", "LKA", "LK", AP, &["Ceylon"]),
    m("Sudan", "Republic of the Sudan", "SDN", "SD", AF, &["The Sudan", "Republic of Sudan"]),
    m("Suriname", "Republic of Suriname", "SUR", "SR", LA, &["Surinam"]),
    m("Sweden", "Kingdom of Sweden", "SWE", "SE", WE, &[]),
    m("Switzerland", "Swiss Confederation", "CHE", "CH", WE, &[]),
    m("Syria", "Syrian Arab Republic", "SYR", "SY", AP, &[]),
    m("Tajikistan", "Republic of Tajikistan", "TJK", "TJ", AP, &[]),
    m("Tanzania", "United Republic of Tanzania", "TZA", "TZ", AF, &[]),
    m("Thailand", "Kingdom of Thailand", "THA", "TH", AP, &["Siam"]),
    m("Timor-Leste", "Democratic Republic of Timor-Leste", "TLS", "TL", AP, &["East Timor"]),
    m("Togo", "Togolese Republic", "TGO", "TG", AF, &[]),
    m("Tonga", "Kingdom of Tonga", "TON", "TO", AP, &[]),
    m("Trinidad and Tobago", "Republic of Trinidad and Tobago", "TTO", "TT", LA, &["Trinidad & Tobago", "Trinidad"]),
    m("Tunisia", "Republic of Tunisia", "TUN", "TN", AF, &[]),
    m("Türkiye", "Republic of Türkiye", "TUR", "TR", WE, &["Turkey", "Republic of Turkey"]),
    m("Turkmenistan", "Turkmenistan", "TKM", "TM", AP, &[]),
    m("Tuvalu", "Tuvalu", "TUV", "TV", AP, &[]),
    m("Uganda", "Republic of Uganda", "UGA", "UG", AF, &[]),
    m("Ukraine", "Ukraine", "UKR", "UA", EE, &["The Ukraine"]),
    m("United Arab Emirates", "United Arab Emirates", "ARE", "AE", AP, &["UAE", "Emirates"]),
    m("United Kingdom", "United Kingdom of Great Britain and Northern Ireland", "GBR", "GB", WE, &["UK", "U.K.", "Great Britain", "Britain"]),
    m("United States", "United States of America", "USA", "US", WE, &["USA", "U.S.A.", "U.S.", "US", "America"]),
    m("Uruguay", "Oriental Republic of Uruguay", "URY", "UY", LA, &[]),
    m("Uzbekistan", "Republic of Uzbekistan", "UZB", "UZ", AP, &[]),
    m("Vanuatu", "Republic of Vanuatu", "VUT", "VU", AP, &[]),
    m("Venezuela", "Bolivarian Republic of Venezuela", "VEN", "VE", LA, &["Venezuela (Bolivarian Republic of)"]),
    m("Vietnam", "Socialist Republic of Viet Nam", "VNM", "VN", AP, &["Viet Nam", "Socialist Republic of Vietnam"]),
    m("Yemen", "Republic of Yemen", "YEM", "YE", AP, &[]),
    m("Zambia", "Republic of Zambia", "ZMB", "ZM", AF, &[]),
    m("Zimbabwe", "Republic of Zimbabwe", "ZWE", "ZW", AF, &[]),
    // Observer states.
    o("Holy See", "Holy See", "VAT", "VA", &["Vatican", "The Vatican", "Vatican City", "Vatican City State", "State of the Vatican City"]),
    o("Palestine", "State of Palestine", "PSE", "PS", &["Occupied Palestinian Territory", "Palestinian Territories", "Palestinian Authority"]),
    // Not UN members, not observers.
    o("Taiwan", "Republic of China", "TWN", "TW", &["Republic of China (Taiwan)", "Chinese Taipei", "Taiwan, Province of China"]),
    o("Kosovo", "Republic of Kosovo", "XKX", "XK", &[]),
];

/// Normalise a country (or committee) name for matching.
///
/// Steps: transliterate to ASCII (deunicode), lowercase, `&` becomes "and",
/// apostrophes and full stops are removed *without* a space, so "Côte
/// d'Ivoire" becomes "cote divoire" and "U.S." becomes "us" (except the
/// abbreviation "st." which becomes "saint"), every other non-alphanumeric
/// character becomes a space, the word "st" becomes "saint", whitespace is
/// collapsed and one leading "the " is dropped.
pub fn normalize(s: &str) -> String {
    let ascii = deunicode::deunicode(s).to_lowercase();
    let mut spaced = String::with_capacity(ascii.len() + 8);
    // Characters of the current word, to spot "st." as a unit.
    let mut word_len = 0usize;
    for ch in ascii.chars() {
        match ch {
            'a'..='z' | '0'..='9' => {
                spaced.push(ch);
                word_len += 1;
            }
            '\'' | '`' => {}
            '.' => {
                if word_len == 2 && spaced.ends_with("st") {
                    spaced.push(' ');
                    word_len = 0;
                }
            }
            '&' => {
                spaced.push_str(" and ");
                word_len = 0;
            }
            _ => {
                spaced.push(' ');
                word_len = 0;
            }
        }
    }
    let mut out = String::with_capacity(spaced.len());
    let mut words = spaced.split_whitespace().peekable();
    if words.peek() == Some(&"the") {
        let mut rest = words.clone();
        rest.next();
        if rest.peek().is_some() {
            words = rest;
        }
    }
    for w in words {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(if w == "st" { "saint" } else { w });
    }
    out
}

/// Lookup tables, built once from [`COUNTRIES`].
struct Index {
    /// Normalised name, official name and aliases -> index into COUNTRIES.
    names: HashMap<String, usize>,
    /// Uppercase ISO3 -> index.
    iso3: HashMap<&'static str, usize>,
    /// Uppercase ISO2 -> index.
    iso2: HashMap<&'static str, usize>,
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut names = HashMap::with_capacity(COUNTRIES.len() * 5);
        let mut iso3 = HashMap::with_capacity(COUNTRIES.len());
        let mut iso2 = HashMap::with_capacity(COUNTRIES.len());
        for (i, c) in COUNTRIES.iter().enumerate() {
            for s in [c.name, c.official].iter().chain(c.aliases) {
                // First entry wins; the tests guarantee there are no clashes.
                names.entry(normalize(s)).or_insert(i);
            }
            iso3.entry(c.iso3).or_insert(i);
            iso2.entry(c.iso2).or_insert(i);
        }
        Index { names, iso3, iso2 }
    })
}

/// Prefixes dropped (repeatedly) when a normalised name does not match as is:
/// "Delegation of the Kingdom of Belgium" -> "belgium".
const PREFIXES: &[&str] = &[
    "delegation of ",
    "delegation from ",
    "permanent mission of ",
    "mission of ",
    "government of ",
    "republic of ",
    "kingdom of ",
    "state of ",
    "union of ",
    "federation of ",
];

fn lookup_normalized(norm: &str) -> Option<usize> {
    let names = &index().names;
    let mut cur = norm;
    loop {
        if let Some(&i) = names.get(cur) {
            return Some(i);
        }
        let rest = PREFIXES.iter().find_map(|p| cur.strip_prefix(p))?;
        cur = rest.strip_prefix("the ").unwrap_or(rest);
        if cur.is_empty() {
            return None;
        }
    }
}

/// ISO3 codes that are also English words or common abbreviations ("how
/// can we", "years ago", "per capita", "are"): these match only when written
/// in capitals.
const WORD_CODES: &[&str] = &[
    "AGO", "AND", "ARE", "ARM", "BEN", "BRA", "CAN", "COD", "COG", "COL", "COM", "CUB", "DOM",
    "EST", "FIN", "GAB", "GIN", "GUY", "HUN", "JAM", "KEN", "LIE", "MAR", "NOR", "PAN", "PER",
    "PNG", "POL", "SEN", "TON", "TUN", "VAT",
];

fn lookup_impl(name: &str, allow_iso2: bool) -> Option<&'static Country> {
    let trimmed = name.trim();
    if let Some(i) = lookup_normalized(&normalize(trimmed)) {
        return Some(&COUNTRIES[i]);
    }
    let b = trimmed.as_bytes();
    if b.len() == 3 && b.iter().all(u8::is_ascii_alphabetic) {
        let up = trimmed.to_ascii_uppercase();
        let word_like = WORD_CODES.contains(&up.as_str());
        if up == trimmed || !word_like {
            if let Some(&i) = index().iso3.get(up.as_str()) {
                return Some(&COUNTRIES[i]);
            }
        }
    }
    if allow_iso2 && b.len() == 2 && b.iter().all(u8::is_ascii_uppercase) {
        if let Some(&i) = index().iso2.get(trimmed) {
            return Some(&COUNTRIES[i]);
        }
    }
    None
}

/// Find a country by name, official name, alias or code.
///
/// Names are compared after [`normalize`]. A three-letter input is also tried
/// as an ISO3 code in any case ("bel", "BEL"), except that codes which are
/// English words ("can", "per", "and", "are", "ago", ...) count only when
/// written in capitals ("CAN" is Canada, "can" is nothing). A two-letter
/// input is an ISO2 code only when written in capitals ("IN" is India, "in"
/// is nothing). Prefixes such as
/// "Delegation of", "Republic of", "Kingdom of" are dropped when the remainder
/// then matches exactly.
pub fn lookup(name: &str) -> Option<&'static Country> {
    lookup_impl(name, true)
}

/// Tokens that never count as a country code in a file name on their own.
const FILE_STOPWORDS: &[&str] = &["AND", "THE", "FOR", "OF", "ON", "IN", "TO", "BY"];

/// Whether a file-name token may anchor a match: words of 4+ characters, or
/// short words written in capitals ("UK", "USA") that are not stop words.
fn significant(token: &str) -> bool {
    if token.chars().count() >= 4 {
        return true;
    }
    let mut letters = token.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some() && letters.all(char::is_uppercase) && !FILE_STOPWORDS.contains(&token)
}

/// Guess the country from a file name stem such as
/// "position-paper-belgium-cnd", "Belgium_CND_2024" or "UK-DISEC".
///
/// The stem is split on `-`, `_`, spaces, `.` and other punctuation (not on
/// apostrophes or `&`). Runs of up to 6 consecutive words are tried longest
/// first, then left to right. A run needs at least one word of 4+ characters
/// or a short word in capitals, so "cnd", "the", "and" never match on their
/// own. ISO2 codes are not used, and committee names and codes never match.
pub fn from_file_name(stem: &str) -> Option<&'static Country> {
    let tokens = file_words(stem);
    let longest = tokens.len().min(6);
    for len in (1..=longest).rev() {
        for window in tokens.windows(len) {
            if !window.iter().any(|t| significant(t)) {
                continue;
            }
            let run = window.join(" ");
            if let Some(c) = lookup_impl(&run, false) {
                if super::committees::lookup(&run).is_none() {
                    return Some(c);
                }
            }
        }
    }
    None
}

/// The words of a file name stem: split on `-`, `_`, spaces, `.` and other
/// punctuation (not on apostrophes or `&`), and inside a word where a capital
/// begins a new one ("SaudiArabia", "HumanRightsCouncil", "USAPositionPaper").
pub fn file_words(stem: &str) -> Vec<&str> {
    let mut words = Vec::new();
    for token in stem
        .split(|c: char| !(c.is_alphanumeric() || matches!(c, '\'' | '\u{2019}' | '&')))
        .filter(|t| !t.is_empty())
    {
        let chars: Vec<(usize, char)> = token.char_indices().collect();
        let mut start = 0;
        for i in 1..chars.len() {
            let (at, c) = chars[i];
            let prev = chars[i - 1].1;
            let next_lower = chars.get(i + 1).is_some_and(|&(_, n)| n.is_lowercase());
            // "aB" begins a word at B; so does "ABc" at B ("USAPosition").
            if c.is_uppercase() && (prev.is_lowercase() || (prev.is_uppercase() && next_lower)) {
                words.push(&token[start..at]);
                start = at;
            }
        }
        words.push(&token[start..]);
    }
    words
}

/// "Did you mean" helper: up to `n` of `candidates` closest to `input`.
///
/// Candidates are compared on [`normalize`]d strings. A candidate qualifies if
/// its Jaro-Winkler similarity is at least 0.75 or it contains the normalised
/// input as a substring. Substring matches score at least
/// `0.8 + 0.2 * len(input) / len(candidate)`, so "congo" ranks both Congos
/// high. Results are best first (ties keep the candidates' order) and
/// duplicates are dropped.
pub fn suggest(input: &str, candidates: &[&str], n: usize) -> Vec<String> {
    let needle = normalize(input);
    if n == 0 || needle.is_empty() {
        return Vec::new();
    }
    let mut scored: Vec<(f64, &str)> = Vec::new();
    for &cand in candidates {
        if scored.iter().any(|&(_, c)| c == cand) {
            continue;
        }
        let hay = normalize(cand);
        let mut score = strsim::jaro_winkler(&needle, &hay);
        if hay.contains(&needle) {
            score = score.max(0.8 + 0.2 * needle.len() as f64 / hay.len() as f64);
        } else if score < 0.75 {
            continue;
        }
        scored.push((score, cand));
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    scored
        .into_iter()
        .take(n)
        .map(|(_, c)| c.to_string())
        .collect()
}

/// The state a loosely spelled name most likely means ("Lybia", "Phlippines"), when
/// one state is clearly closest: at most two edits (one per five letters in long
/// names, one in names of four letters) away from one of its names, and further
/// from every other state's. Exact names are for [`lookup`];
/// this is the fallback a caller should warn about.
pub fn closest(name: &str) -> Option<&'static Country> {
    let norm = normalize(name);
    let len = norm.chars().count();
    if !(4..=60).contains(&len) {
        return None;
    }
    let limit = if len <= 4 { 1 } else { (len / 5).max(2) };
    // The distance to each state: to the closest of its names.
    let mut per_state = vec![usize::MAX; COUNTRIES.len()];
    let mut letters: Vec<char> = norm.chars().collect();
    letters.sort_unstable();
    for (key, &i) in &index().names {
        let mut d = strsim::osa_distance(&norm, key);
        if d > 1 && key.len() == norm.len() {
            // The same letters in another order ("Lybia"): one slip of the fingers.
            let mut theirs: Vec<char> = key.chars().collect();
            theirs.sort_unstable();
            if theirs == letters {
                d = 1;
            }
        }
        per_state[i] = per_state[i].min(d);
    }
    // Lowest distance first, then table order: the same answer every run.
    let mut ranked: Vec<(usize, usize)> = per_state.into_iter().zip(0..).collect();
    ranked.sort_unstable();
    let (d, i) = *ranked.first()?;
    let runner_up = ranked.get(1).map_or(usize::MAX, |r| r.0);
    (d <= limit && runner_up > d).then(|| &COUNTRIES[i])
}

/// The first country named in a short text such as a title ("Position Paper of the
/// Republic of Chile", "KENYA - Position Paper"), longest names first. Short
/// lower-case words never match alone, so "per" or "can" stay words.
pub fn find_in_text(text: &str) -> Option<&'static Country> {
    let words: Vec<&str> = text
        .split(|c: char| {
            c.is_whitespace() || matches!(c, ',' | ';' | ':' | '(' | ')' | '–' | '—' | '|' | '/')
        })
        .filter(|w| !w.is_empty() && *w != "-")
        .collect();
    for start in 0..words.len() {
        for len in (1..=6.min(words.len() - start)).rev() {
            let candidate = words[start..start + len].join(" ");
            let short_word = len == 1
                && candidate.chars().count() <= 3
                && candidate.chars().any(|c| c.is_lowercase());
            if short_word {
                continue;
            }
            if let Some(c) = lookup(&candidate) {
                return Some(c);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loose_spellings_resolve_to_the_closest_state() {
        let c = |s: &str| closest(s).map(|c| c.iso3);
        assert_eq!(c("Lybia"), Some("LBY"));
        assert_eq!(c("Phlippines"), Some("PHL"));
        assert_eq!(c("Phillipines"), Some("PHL"));
        assert_eq!(c("Argentinia"), Some("ARG"));
        assert_eq!(c("Columbia"), Some("COL"));
        // Too far from every state, or as close to two.
        assert_eq!(c("Atlantis"), None);
        assert_eq!(c("Iran"), Some("IRN"));
        assert_eq!(c("Irak"), None);
        assert_eq!(c("Nigeri"), None);
        assert_eq!(c("Europe"), None);
        assert_eq!(c("Kurdistan"), None);
        assert_eq!(iso3("Union of Myanmar"), Some("MMR"));
        assert_eq!(
            iso3("the People's Democratic Republic of Algeria"),
            Some("DZA")
        );
    }

    #[test]
    fn countries_are_found_in_titles() {
        assert_eq!(
            find_in_text("Position Paper of the Republic of Chile").map(|c| c.iso3),
            Some("CHL")
        );
        assert_eq!(
            find_in_text("KENYA - Position Paper").map(|c| c.iso3),
            Some("KEN")
        );
        assert_eq!(
            find_in_text("United States of America: Position Paper").map(|c| c.iso3),
            Some("USA")
        );
        assert_eq!(
            find_in_text("Position Paper for the Commission on Narcotic Drugs"),
            None
        );
    }
    use std::collections::HashSet;

    fn iso3(s: &str) -> Option<&'static str> {
        lookup(s).map(|c| c.iso3)
    }

    fn file(s: &str) -> Option<&'static str> {
        from_file_name(s).map(|c| c.iso3)
    }

    #[test]
    fn normalize_rules() {
        assert_eq!(normalize("Côte d'Ivoire"), "cote divoire");
        assert_eq!(normalize("Côte d\u{2019}Ivoire"), "cote divoire");
        assert_eq!(normalize("  The   Netherlands "), "netherlands");
        assert_eq!(normalize("Trinidad & Tobago"), "trinidad and tobago");
        assert_eq!(normalize("St. Kitts"), "saint kitts");
        assert_eq!(normalize("St.Lucia"), "saint lucia");
        assert_eq!(normalize("st lucia"), "saint lucia");
        assert_eq!(normalize("U.S."), "us");
        assert_eq!(normalize("Timor-Leste"), "timor leste");
        assert_eq!(normalize("Türkiye"), "turkiye");
        assert_eq!(
            normalize("Bolivia (Plurinational State of)"),
            "bolivia plurinational state of"
        );
        assert_eq!(normalize("the"), "the");
        assert_eq!(normalize(""), "");
    }

    #[test]
    fn belgium_forms() {
        for s in [
            "Kingdom of Belgium",
            "Belgium",
            "BEL",
            "belgium",
            "bel",
            " BELGIUM ",
        ] {
            assert_eq!(iso3(s), Some("BEL"), "{s}");
        }
        assert_eq!(iso3("BE"), Some("BEL"));
        assert_eq!(iso3("be"), None);
    }

    #[test]
    fn cote_divoire_forms() {
        for s in [
            "Côte d'Ivoire",
            "Cote d'Ivoire",
            "Ivory Coast",
            "Côte d’Ivoire",
            "cote divoire",
            "Republic of Côte d'Ivoire",
        ] {
            assert_eq!(iso3(s), Some("CIV"), "{s}");
        }
    }

    #[test]
    fn united_states_forms() {
        for s in [
            "United States of America",
            "USA",
            "U.S.",
            "U.S.A.",
            "United States",
            "US",
            "America",
            "the United States",
        ] {
            assert_eq!(iso3(s), Some("USA"), "{s}");
        }
    }

    #[test]
    fn other_common_forms() {
        let cases = [
            ("Russian Federation", "RUS"),
            ("Russia", "RUS"),
            ("Republic of Korea", "KOR"),
            ("South Korea", "KOR"),
            ("ROK", "KOR"),
            ("DPRK", "PRK"),
            ("Democratic People's Republic of Korea", "PRK"),
            ("Congo", "COG"),
            ("Republic of the Congo", "COG"),
            ("DRC", "COD"),
            ("DR Congo", "COD"),
            ("Democratic Republic of the Congo", "COD"),
            ("UK", "GBR"),
            ("Great Britain", "GBR"),
            ("Holland", "NLD"),
            ("The Netherlands", "NLD"),
            ("Turkey", "TUR"),
            ("Türkiye", "TUR"),
            ("Turkiye", "TUR"),
            ("Czechia", "CZE"),
            ("Burma", "MMR"),
            ("Swaziland", "SWZ"),
            ("Cape Verde", "CPV"),
            ("East Timor", "TLS"),
            ("Vatican", "VAT"),
            ("Holy See", "VAT"),
            ("State of Palestine", "PSE"),
            ("Palestine", "PSE"),
            ("UAE", "ARE"),
            ("KSA", "SAU"),
            ("PRC", "CHN"),
            ("People's Republic of China", "CHN"),
            ("Lao PDR", "LAO"),
            ("Viet Nam", "VNM"),
            ("Syrian Arab Republic", "SYR"),
            ("United Republic of Tanzania", "TZA"),
            ("Republic of Moldova", "MDA"),
            ("Brunei Darussalam", "BRN"),
            ("Federated States of Micronesia", "FSM"),
            ("St Lucia", "LCA"),
            ("St. Lucia", "LCA"),
            ("Saint Kitts and Nevis", "KNA"),
            ("St Kitts", "KNA"),
            ("Trinidad & Tobago", "TTO"),
            ("Bosnia", "BIH"),
            ("Antigua & Barbuda", "ATG"),
            ("São Tomé", "STP"),
            ("Sao Tome and Principe", "STP"),
            ("Plurinational State of Bolivia", "BOL"),
            ("United Mexican States", "MEX"),
            ("Islamic Republic of Iran", "IRN"),
            ("Iran (Islamic Republic of)", "IRN"),
            ("The Gambia", "GMB"),
            ("Gambia", "GMB"),
            ("Bahamas", "BHS"),
            ("Guinea-Bissau", "GNB"),
            ("Guinea Bissau", "GNB"),
            ("Republic of Chile", "CHL"),
            ("Taiwan", "TWN"),
            ("Kosovo", "XKX"),
        ];
        for (input, want) in cases {
            assert_eq!(iso3(input), Some(want), "{input}");
        }
    }

    #[test]
    fn prefixes_resolve_only_exactly() {
        assert_eq!(iso3("Delegation of Belgium"), Some("BEL"));
        assert_eq!(iso3("Delegation of the Kingdom of Belgium"), Some("BEL"));
        assert_eq!(iso3("The Republic of Chile"), Some("CHL"));
        assert_eq!(iso3("Republic of Macedonia"), Some("MKD"));
        assert_eq!(
            iso3("Delegation of the United States of America"),
            Some("USA")
        );
        assert_eq!(iso3("Delegation of"), None);
        assert_eq!(iso3("Republic of Atlantis"), None);
        assert_eq!(iso3("Delegation of Belgium and France"), None);
    }

    #[test]
    fn non_countries() {
        for s in [
            "European Union",
            "in",
            "the",
            "",
            "   ",
            "of",
            "Atlantis",
            "CND",
            "DISEC",
            "UNEA",
            "HRC",
            "ga",
            "uk ireland",
        ] {
            assert_eq!(iso3(s), None, "{s:?}");
        }
        // ISO3 codes that are words count only in capitals.
        for (word, title, code) in [
            ("can", "Can", "CAN"),
            ("and", "And", "AND"),
            ("per", "Per", "PER"),
            ("are", "Are", "ARE"),
            ("ago", "Ago", "AGO"),
        ] {
            assert_eq!(iso3(word), None, "{word}");
            assert_eq!(iso3(title), None, "{title}");
            assert_eq!(iso3(code), Some(code), "{code}");
        }
        // Two uppercase letters are ISO2 codes in `lookup`.
        assert_eq!(iso3("IN"), Some("IND"));
        assert_eq!(iso3("GA"), Some("GAB"));
    }

    #[test]
    fn table_counts() {
        assert_eq!(COUNTRIES.iter().filter(|c| c.member).count(), 193);
        let non: Vec<&str> = COUNTRIES
            .iter()
            .filter(|c| !c.member)
            .map(|c| c.name)
            .collect();
        assert_eq!(non, ["Holy See", "Palestine", "Taiwan", "Kosovo"]);
        let per_region = |r: &str| {
            COUNTRIES
                .iter()
                .filter(|c| c.member && c.region == r)
                .count()
        };
        assert_eq!(per_region(AFRICAN), 54);
        assert_eq!(per_region(ASIA_PACIFIC), 54);
        assert_eq!(per_region(EASTERN_EUROPEAN), 23);
        assert_eq!(per_region(LATIN_AMERICAN_CARIBBEAN), 33);
        assert_eq!(per_region(WESTERN_EUROPEAN_OTHERS), 29);
        for c in COUNTRIES {
            assert!(c.member == REGIONS.contains(&c.region), "{}", c.name);
        }
        assert_eq!(
            lookup("United States").unwrap().region,
            WESTERN_EUROPEAN_OTHERS
        );
        assert_eq!(lookup("Israel").unwrap().region, WESTERN_EUROPEAN_OTHERS);
        assert_eq!(lookup("Türkiye").unwrap().region, WESTERN_EUROPEAN_OTHERS);
        assert_eq!(lookup("Kiribati").unwrap().region, ASIA_PACIFIC);
    }

    #[test]
    fn codes_are_well_formed_and_unique() {
        let mut seen3 = HashSet::new();
        let mut seen2 = HashSet::new();
        for w in WORD_CODES {
            assert!(COUNTRIES.iter().any(|c| c.iso3 == *w), "{w} is not a code");
        }
        for c in COUNTRIES {
            assert!(
                c.iso3.len() == 3 && c.iso3.bytes().all(|b| b.is_ascii_uppercase()),
                "{}",
                c.name
            );
            assert!(
                c.iso2.len() == 2 && c.iso2.bytes().all(|b| b.is_ascii_uppercase()),
                "{}",
                c.name
            );
            assert!(seen3.insert(c.iso3), "duplicate iso3 {}", c.iso3);
            assert!(seen2.insert(c.iso2), "duplicate iso2 {}", c.iso2);
        }
    }

    #[test]
    fn no_normalized_name_shared_by_two_countries() {
        let mut owner: HashMap<String, &str> = HashMap::new();
        for c in COUNTRIES {
            for s in [c.name, c.official].iter().chain(c.aliases) {
                let key = normalize(s);
                assert!(!key.is_empty(), "{s:?} normalises to nothing");
                if let Some(prev) = owner.insert(key.clone(), c.iso3) {
                    assert_eq!(prev, c.iso3, "{key:?} used by {prev} and {}", c.iso3);
                }
            }
        }
        // Codes never resolve, through the name table, to another country.
        for c in COUNTRIES {
            for code in [c.iso3, c.iso2] {
                if let Some(o) = owner.get(&normalize(code)) {
                    assert_eq!(*o, c.iso3, "code {code} is a name of {o}");
                }
            }
        }
    }

    #[test]
    fn every_entry_resolves_to_itself() {
        for c in COUNTRIES {
            for s in [c.name, c.official, c.iso3].iter().chain(c.aliases) {
                assert_eq!(lookup(s), Some(c), "{s}");
            }
            assert_eq!(lookup(c.iso2), Some(c), "{}", c.iso2);
            let lower = c.iso3.to_lowercase();
            let want = if WORD_CODES.contains(&c.iso3) {
                None
            } else {
                Some(c)
            };
            assert_eq!(lookup(&lower), want, "{lower}");
        }
    }

    #[test]
    fn file_names() {
        let cases = [
            ("position-paper-belgium-cnd", Some("BEL")),
            ("Belgium_CND_2024", Some("BEL")),
            ("united-states", Some("USA")),
            ("cote-divoire", Some("CIV")),
            ("cote-d-ivoire_HRC", Some("CIV")),
            ("Côte d'Ivoire - DISEC", Some("CIV")),
            ("UK-DISEC", Some("GBR")),
            ("USA_UNSC", Some("USA")),
            ("position paper.United Kingdom.SOCHUM", Some("GBR")),
            ("democratic-republic-of-the-congo-unea", Some("COD")),
            ("republic-of-the-congo", Some("COG")),
            ("congo_ECOSOC", Some("COG")),
            ("DRC_ECOSOC", Some("COD")),
            ("guinea-bissau", Some("GNB")),
            ("papua-new-guinea-unep", Some("PNG")),
            ("south-sudan_who", Some("SSD")),
            ("el-salvador", Some("SLV")),
            ("bosnia-and-herzegovina-2023", Some("BIH")),
            ("trinidad-and-tobago", Some("TTO")),
            ("st-lucia", Some("LCA")),
            ("sao-tome-and-principe", Some("STP")),
            ("the-netherlands_GA3", Some("NLD")),
            ("2024_PP_Saudi_Arabia_HRC", Some("SAU")),
            ("Delegation of Belgium", Some("BEL")),
            ("HRC_SaudiArabia_PP", Some("SAU")),
            ("CostaRica-UNEP", Some("CRI")),
            ("USAPositionPaper", Some("USA")),
            ("NewZealand", Some("NZL")),
            // Committee codes, short lowercase words and ISO2 codes never match.
            ("cnd-position-paper", None),
            ("UNEA_HRC_DISEC_CND", None),
            ("GA-paper", None),
            ("AU_EU", None),
            ("the-and-of", None),
            ("AND-THE", None),
            ("per-can-bel", None),
            ("in-us", None),
            ("", None),
        ];
        for (stem, want) in cases {
            assert_eq!(file(stem), want, "{stem}");
        }
    }

    #[test]
    fn file_words_split_at_punctuation_and_at_capitals_inside_a_word() {
        assert_eq!(
            file_words("HRC_SaudiArabia_PP"),
            ["HRC", "Saudi", "Arabia", "PP"]
        );
        assert_eq!(file_words("USAPositionPaper"), ["USA", "Position", "Paper"]);
        assert_eq!(file_words("cote-d'ivoire"), ["cote", "d'ivoire"]);
        assert_eq!(file_words("UNHRC GA3"), ["UNHRC", "GA3"]);
        assert_eq!(file_words("McKinley"), ["Mc", "Kinley"]);
        assert!(file_words("").is_empty());
    }

    #[test]
    fn file_names_ignore_every_committee_code() {
        for c in super::super::committees::COMMITTEES {
            assert_eq!(file(c.code), None, "{}", c.code);
            assert_eq!(file(&format!("{}-paper", c.code)), None, "{}", c.code);
        }
    }

    #[test]
    fn suggestions() {
        let names: Vec<&str> = COUNTRIES.iter().map(|c| c.name).collect();
        let s = suggest("Belgum", &names, 3);
        assert_eq!(s.first().map(String::as_str), Some("Belgium"));
        assert!(s.len() <= 3);
        let s = suggest("congo", &names, 5);
        assert!(s.contains(&"Republic of the Congo".to_string()), "{s:?}");
        assert!(
            s.contains(&"Democratic Republic of the Congo".to_string()),
            "{s:?}"
        );
        let s = suggest("Phillipines", &names, 1);
        assert_eq!(s, ["Philippines"]);
        assert!(suggest("zzzzqqq", &names, 5).is_empty());
        assert!(suggest("Belgium", &names, 0).is_empty());
        assert!(suggest("", &names, 5).is_empty());
        // Duplicate candidates are reported once.
        assert_eq!(suggest("chile", &["Chile", "Chile"], 5), ["Chile"]);
    }

    #[test]
    fn lookup_is_fast() {
        // Warm the index, then a large batch of lookups must be quick even in
        // debug builds (a linear scan with re-normalisation would not be).
        assert!(lookup("Belgium").is_some());
        let start = std::time::Instant::now();
        for _ in 0..2_000 {
            assert!(lookup("United States of America").is_some());
            assert!(lookup("Nowhere Land").is_none());
        }
        assert!(start.elapsed() < std::time::Duration::from_secs(2));
    }
}
