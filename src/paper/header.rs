//! The header of a paper: `Country:`, `Committee:`, `Topic:` lines and the other
//! `Key: value` lines (School, Delegate) that open a paper, in any of the ways
//! delegates write them (Markdown emphasis, blank lines between, official names).

/// Which header field a line gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HeaderKey {
    Country,
    Committee,
    /// `Topic:` (None), `Topic A:` (Some('A')) ...
    Topic(Option<char>),
    /// `Topics:` with several topics in one value.
    Topics,
    /// Another metadata line, kept as written (lower-cased key): school, delegate...
    Other(String),
}

const COUNTRY_KEYS: &[&str] = &[
    "country",
    "delegation",
    "member state",
    "state",
    "nation",
    "country represented",
    "represented country",
    "delegation of",
    "delegation from",
    "country name",
    "country of",
    "delegation name",
    "name of country",
    "name of the country",
    "country assigned",
    "assigned country",
    "portfolio",
    "represented state",
    "state represented",
    "applicant state",
    // Papers written in Spanish or French.
    "país",
    "pais",
    "delegación",
    "delegacion",
    "pays",
    "délégation",
];
const COMMITTEE_KEYS: &[&str] = &[
    "committee",
    "council",
    "organ",
    "body",
    "committee name",
    "name of committee",
    "name of the committee",
    "submitted to",
    "forum",
    "committee assigned",
    "assigned committee",
    "comité",
    "comite",
    "comisión",
    "commission",
];
const TOPIC_KEYS: &[&str] = &[
    "topic",
    "agenda",
    "agenda item",
    "issue",
    "topic area",
    "question of",
    "topic name",
    "topic title",
    "title of topic",
    "theme",
    "tema",
    "tópico",
    "sujet",
    "thème",
    "advisory proceedings",
    // The International Court of Justice hears cases.
    "case",
    "case name",
    "contentious case",
    "advisory opinion",
    "agenda topic",
    "topic a or b",
    // A memorandum's "Subject:" or "Re:" line.
    "subject",
    "re",
    "regarding",
];
const OTHER_KEYS: &[&str] = &[
    "school",
    "delegate",
    "delegates",
    "name",
    "names",
    "author",
    "authors",
    "submitted by",
    "conference",
    "date",
    "chair",
    "university",
    "institution",
    "position",
    "email",
    "head delegate",
    "delegation members",
    "representative",
    "representatives",
    "represented by",
    "school name",
    "school of origin",
    "delegate name",
    "delegate names",
    "name of delegate",
    "complete name of the delegate",
    "full name",
    "student",
    "students",
    "student name",
    "club",
    "paper text",
    "title",
    "tags",
    "layout",
    "category",
    "categories",
    // A memorandum's sender: the country when it names one (see `Head::add`); its
    // addressee: the committee when it names one.
    "from",
    "to",
    // A crisis committee's role ("Character: Minister of Defence of Brazil").
    "character",
    "role",
];

/// Other fields whose value is the country when it names one ("From: The Delegation
/// of Chile", "Submitted by: Republic of Ghana", "Position: France"), and otherwise a
/// person, a school or a role kept as written.
pub const MAY_NAME_COUNTRY: &[&str] = &[
    "from",
    "submitted by",
    "represented by",
    "position",
    "character",
];

/// Removes Markdown decoration around a header line: `**Country:** X`, `# Country: X`,
/// `> *Topic*: X`, `__Committee__: X`, and the pipes of a table row copied from the
/// web (`| Country: | Algeria |`).
fn undecorate(line: &str) -> String {
    let line = line
        .trim()
        .trim_start_matches(['#', '>', ' ', '|'])
        .trim_end_matches(['|', ' '])
        .trim();
    line.replace("**", "").replace("__", "").replace('*', "")
}

/// The header key a label names ("Country Name", "Delegation (complete and official
/// name)", "Committee ", "Topic A"), if it is one papers use.
fn key_of(label: &str) -> Option<HeaderKey> {
    // "Delegation (complete and official name)", "Delegate Name(s)": the part in
    // brackets qualifies the label.
    let mut key = label.trim().trim_matches('_').trim().to_lowercase();
    if let Some(open) = key.find('(') {
        let close = key[open..].find(')').map_or(key.len(), |c| open + c + 1);
        key.replace_range(open..close, " ");
    }
    let key = key.split_whitespace().collect::<Vec<_>>().join(" ");
    let key = key.as_str();
    if key.is_empty() || key.split_whitespace().count() > 5 {
        return None;
    }
    // "Country/Position", "Delegation / Country": the label of a form that asks for
    // either; the country, committee or topic it names wins over a role or a name.
    if key.contains('/') {
        let parts: Vec<Option<HeaderKey>> = key.split('/').map(key_of).collect();
        let mut known: Vec<HeaderKey> = parts.into_iter().flatten().collect();
        known.sort_by_key(|k| matches!(k, HeaderKey::Other(_)));
        return known.into_iter().next().map(|k| match k {
            HeaderKey::Other(_) => HeaderKey::Other(key.to_owned()),
            k => k,
        });
    }
    Some(if COUNTRY_KEYS.contains(&key) {
        HeaderKey::Country
    } else if COMMITTEE_KEYS.contains(&key) {
        HeaderKey::Committee
    } else if TOPIC_KEYS.contains(&key) {
        HeaderKey::Topic(None)
    } else if key == "topics" || key == "agenda items" || key == "topic areas" {
        HeaderKey::Topics
    } else if let Some(letter) = topic_letter(key) {
        HeaderKey::Topic(Some(letter))
    } else if OTHER_KEYS.contains(&key) {
        HeaderKey::Other(key.to_owned())
    } else {
        return None;
    })
}

/// Parses a `Key: value` header line. Returns None when the key is not one papers use
/// for their header, so body sentences with a colon are not taken for fields.
pub fn parse_field_line(line: &str) -> Option<(HeaderKey, String)> {
    let (key, value) = parse_label(line)?;
    if value.is_empty() {
        return None;
    }
    Some((key, value))
}

/// Like [`parse_field_line`], but a label with nothing after it ("Country:", "Paper
/// text:") is returned with an empty value.
pub fn parse_label(line: &str) -> Option<(HeaderKey, String)> {
    // A header kept in a two-column table: "Country | Belgium", "| Country: | Chile |".
    let inner = line
        .trim()
        .trim_start_matches('|')
        .trim_end_matches('|')
        .trim();
    if let Some((key, value)) = inner.split_once(" | ") {
        if !key.contains(':') && !value.contains(" | ") {
            return parse_label(&format!("{}: {}", key.trim(), value.trim()));
        }
        if key.trim_end().ends_with(':') && !value.contains(" | ") {
            return parse_label(&format!("{} {}", key.trim(), value.trim()));
        }
    }
    // Most lines are prose: reject them before allocating.
    let Some(colon) = line.find([':', '：']) else {
        return dashed_label(line);
    };
    if colon > 60 || line[..colon].split_whitespace().count() > 7 {
        return None;
    }
    let clean = undecorate(line);
    let (key, value) = clean.split_once([':', '：'])?;
    let header_key = key_of(key)?;
    let value = value.trim().trim_matches(['_', ' ', '|', '\t']).trim();
    // A value that runs on for a whole paragraph is a sentence, not a field.
    if value.split_whitespace().count() > 25 {
        return None;
    }
    let value = value.trim_end_matches(['.', ';', ',']).trim();
    // "Topic: A: Online drug trafficking", "Topic: II. Water": the letter is the
    // topic's, not part of its name.
    if header_key == HeaderKey::Topic(None) {
        let sep = [": ", ". "].iter().filter_map(|p| value.find(p)).min();
        if let Some((label, name)) = sep.map(|at| (&value[..at], &value[at + 2..])) {
            if let Some(letter) = topic_letter(&format!("topic {}", label.trim().to_lowercase())) {
                let name = name.trim();
                if letter.is_ascii_alphabetic() && !name.is_empty() && label.trim().len() <= 3 {
                    return Some((HeaderKey::Topic(Some(letter)), name.to_owned()));
                }
            }
        }
    }
    Some((header_key, value.to_owned()))
}

/// "Country - Belgium", "Committee – CND", "Topic — Online drug trafficking",
/// "Country<TAB>Belgium": a dash or a tab after the label stands for the colon. Only
/// for the country, committee and topic labels, which no sentence opens with a dash.
fn dashed_label(line: &str) -> Option<(HeaderKey, String)> {
    // The label is within the line's first 40 bytes: only they are searched, since
    // every line of every paper without a colon comes here.
    const LABEL_BYTES: usize = 40;
    let head = line.trim_start();
    let mut end = head.len().min(LABEL_BYTES + " — ".len());
    while !head.is_char_boundary(end) {
        end -= 1;
    }
    let (at, len) = [" - ", " – ", " — ", "\t"]
        .iter()
        .filter_map(|sep| head[..end].find(sep).map(|i| (i, sep.len())))
        .min()?;
    if at > LABEL_BYTES {
        return None;
    }
    let key = key_of(&undecorate(&head[..at]))?;
    if matches!(key, HeaderKey::Other(_)) {
        return None;
    }
    let value = head[at + len..]
        .trim()
        .trim_start_matches(['-', '–', '—', '\t', ' '])
        .trim();
    // A name or a title opens with a capital; "Topic - wise, the debate ..." is prose.
    if !value.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || c == '"')
        || value.split_whitespace().count() > 25
    {
        return None;
    }
    Some((
        key,
        value.trim_end_matches(['.', ';', ',']).trim().to_owned(),
    ))
}

/// The fields of one header line, however they are written: one `Key: value`, several
/// run together in one line ("Country: X Committee: Y Topic: Z", "Committee: A |
/// Delegation: B"), or NMUN's two-column table flattened into one line ("Delegation
/// from Represented by Canada University of X"). None when the line is not fields.
pub fn fields_of_line(line: &str) -> Option<Vec<(HeaderKey, String)>> {
    // A header, even a whole one flattened onto one line, sits at the line's start:
    // the rest of a book-length line is not copied and lower-cased to find it.
    const HEADER_CHARS: usize = 16 * 1024;
    let line = match line.char_indices().nth(HEADER_CHARS) {
        Some((at, _)) => &line[..at],
        None => line,
    };
    if let Some(country) = flattened_nmun(line) {
        return Some(vec![(HeaderKey::Country, country)]);
    }
    let clean = undecorate(line);
    let starts = label_starts(&clean);
    if starts.len() >= 2 && starts[0] == 0 {
        let mut out = Vec::new();
        for (i, &at) in starts.iter().enumerate() {
            let end = starts.get(i + 1).copied().unwrap_or(clean.len());
            let piece = clean[at..end]
                .trim()
                .trim_end_matches(['|', ',', ';'])
                .trim();
            let (key, value) = parse_label(piece)?;
            if !value.is_empty() {
                out.push((key, value));
            }
        }
        return Some(out);
    }
    parse_label(line).map(|(k, v)| {
        if v.is_empty() {
            Vec::new()
        } else {
            vec![(k, v)]
        }
    })
}

/// Where header labels start in a line: byte offsets of "Key:" runs whose key is a
/// header key and starts with a capital (labels are capitalised; prose is not).
fn label_starts(line: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut search = 0;
    while let Some(rel) = line[search..].find([':', '：']) {
        let colon = search + rel;
        // The label is the last one to five words before the colon.
        let before = &line[..colon];
        let word_starts: Vec<usize> = before
            .char_indices()
            .filter(|&(i, c)| {
                !c.is_whitespace() && (i == 0 || before[..i].ends_with([' ', '|', '\t']))
            })
            .map(|(i, _)| i)
            .collect();
        let boundary = out.last().copied().unwrap_or(0);
        // The longest label among the last five words.
        let found = word_starts[word_starts.len().saturating_sub(5)..]
            .iter()
            .filter(|&&start| start >= boundary)
            .filter(|&&start| before[start..].starts_with(|c: char| c.is_uppercase()))
            .find(|&&start| key_of(&before[start..]).is_some())
            .copied();
        if let Some(start) = found {
            if out.last() != Some(&start) {
                out.push(start);
            }
        }
        search = colon + line[colon..].chars().next().map_or(1, char::len_utf8);
    }
    out
}

/// "Delegation from Represented by Canada University of Southern Washington": NMUN's
/// header table with its cells run together; gives what follows the labels (the
/// country, then the school).
fn flattened_nmun(line: &str) -> Option<String> {
    let clean = undecorate(line);
    let lower = clean.to_lowercase();
    let rest = lower.strip_prefix("delegation from")?;
    let at = rest.find("represented by")?;
    if rest[..at].trim_matches([' ', ':', '|', '\t']).is_empty() {
        let start = clean.len() - rest.len() + at + "represented by".len();
        let value = clean[start..].trim_matches([' ', ':', '|', '\t']).trim();
        return (!value.is_empty()).then(|| value.to_owned());
    }
    None
}

/// `topic a`, `topic 1`, `topic ii` -> the topic's letter ('A', '1', ...).
/// The letter a "Topic A" / "Topic II" / "Topic (2)" label gives its topic: Roman
/// numerals up to IV read as A to D, any other single letter or digit as itself.
pub(crate) fn topic_letter(key: &str) -> Option<char> {
    // "Topic A", "Topic Area B", "Agenda Item 1", "Topic No. 2", "Issue II".
    let rest = [
        "topic area",
        "topic no.",
        "topic no",
        "topic number",
        "topic",
        "agenda item",
        "issue",
    ]
    .iter()
    .find_map(|p| key.strip_prefix(p))?
    .trim();
    let rest = rest.trim_matches(['(', ')', '.']);
    match rest {
        "i" => Some('A'),
        "ii" => Some('B'),
        "iii" => Some('C'),
        "iv" => Some('D'),
        _ if rest.chars().count() == 1 => rest.chars().next().map(|c| c.to_ascii_uppercase()),
        _ => None,
    }
}

/// Splits a `Topics:` value into its topics.
pub fn split_topics(value: &str) -> Vec<String> {
    value
        .split([';', '|'])
        .flat_map(|part| {
            // "A: X, B: Y" style
            part.split(" / ")
        })
        .map(|t| {
            let t = t.trim();
            // drop a leading "A:" / "A." / "1)"
            let stripped = t
                .split_once([':', ')'])
                .filter(|(label, _)| label.trim().chars().count() <= 2)
                .map(|(_, rest)| rest.trim())
                .unwrap_or(t);
            stripped.to_owned()
        })
        .filter(|t| !t.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_and_markdown_fields() {
        assert_eq!(
            parse_field_line("Country: Kingdom of Belgium"),
            Some((HeaderKey::Country, "Kingdom of Belgium".into()))
        );
        assert_eq!(
            parse_field_line("**Country:** Belgium"),
            Some((HeaderKey::Country, "Belgium".into()))
        );
        assert_eq!(
            parse_field_line("**Committee**: CND"),
            Some((HeaderKey::Committee, "CND".into()))
        );
        assert_eq!(
            parse_field_line("# Delegation: Islamic Republic of Iran"),
            Some((HeaderKey::Country, "Islamic Republic of Iran".into()))
        );
        assert_eq!(
            parse_field_line("MEMBER STATE: Republic of Kenya"),
            Some((HeaderKey::Country, "Republic of Kenya".into()))
        );
    }

    #[test]
    fn topic_letters_and_lists() {
        assert_eq!(
            parse_field_line("Topic A: Online Drug Trafficking"),
            Some((
                HeaderKey::Topic(Some('A')),
                "Online Drug Trafficking".into()
            ))
        );
        assert_eq!(
            parse_field_line("Topic B: Alternative Development"),
            Some((
                HeaderKey::Topic(Some('B')),
                "Alternative Development".into()
            ))
        );
        assert_eq!(
            split_topics("A: Marine Plastic Pollution; B: Chemicals and Waste"),
            vec!["Marine Plastic Pollution", "Chemicals and Waste"]
        );
    }

    #[test]
    fn numbered_topic_labels_and_labels_asking_for_either_of_two() {
        let f = |l: &str| parse_field_line(l).map(|(k, _)| k);
        assert_eq!(
            f("Topic Area A: Child labour"),
            Some(HeaderKey::Topic(Some('A')))
        );
        assert_eq!(f("Agenda Item 1: Debt"), Some(HeaderKey::Topic(Some('1'))));
        assert_eq!(f("Topic No. 2: Debt"), Some(HeaderKey::Topic(Some('2'))));
        assert_eq!(f("Issue II: Debt"), Some(HeaderKey::Topic(Some('B'))));
        assert_eq!(f("Agenda Item: Debt"), Some(HeaderKey::Topic(None)));
        assert_eq!(f("Country/Position: France"), Some(HeaderKey::Country));
        assert_eq!(f("Position / Country: France"), Some(HeaderKey::Country));
        assert_eq!(f("Committee/Council: UNSC"), Some(HeaderKey::Committee));
        assert_eq!(
            f("School/University: Lincoln"),
            Some(HeaderKey::Other("school/university".into()))
        );
        assert_eq!(f("Apples/Pears: many"), None);
        assert_eq!(f("Issue areas are many: debt"), None);
    }

    #[test]
    fn a_topic_value_may_carry_its_letter() {
        assert_eq!(
            parse_field_line("Topic: A: Online drug trafficking"),
            Some((
                HeaderKey::Topic(Some('A')),
                "Online drug trafficking".into()
            ))
        );
        assert_eq!(
            parse_field_line("Topic: II. Water"),
            Some((HeaderKey::Topic(Some('B')), "Water".into()))
        );
        // A name with a colon or a full stop of its own stays whole.
        assert_eq!(
            parse_field_line("Topic: Cybersecurity: A Threat"),
            Some((HeaderKey::Topic(None), "Cybersecurity: A Threat".into()))
        );
        assert_eq!(
            parse_field_line("Topic: U.S. sanctions"),
            Some((HeaderKey::Topic(None), "U.S. sanctions".into()))
        );
    }

    #[test]
    fn other_metadata_is_kept_but_sentences_are_not_fields() {
        assert_eq!(
            parse_field_line("School: Lincoln High School"),
            Some((
                HeaderKey::Other("school".into()),
                "Lincoln High School".into()
            ))
        );
        assert_eq!(
            parse_field_line("In 2019 the figures were clear: cocaine seizures rose."),
            None
        );
        assert_eq!(parse_field_line("Note: this is not a header"), None);
    }
}
