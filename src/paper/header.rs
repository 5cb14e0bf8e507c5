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
    "country name",
];
const COMMITTEE_KEYS: &[&str] = &["committee", "council", "organ", "body", "committee name"];
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
];

/// Removes Markdown decoration around a header line: `**Country:** X`, `# Country: X`,
/// `> *Topic*: X`, `__Committee__: X`.
fn undecorate(line: &str) -> String {
    let line = line.trim().trim_start_matches(['#', '>', ' ']).trim();
    line.replace("**", "").replace("__", "").replace('*', "")
}

/// Parses a `Key: value` header line. Returns None when the key is not one papers use
/// for their header, so body sentences with a colon are not taken for fields.
pub fn parse_field_line(line: &str) -> Option<(HeaderKey, String)> {
    // A header kept in a two-column table: "Country | Belgium".
    if let Some((key, value)) = line.split_once(" | ") {
        if !key.contains(':') && !value.contains(" | ") {
            return parse_field_line(&format!("{}: {}", key.trim(), value.trim()));
        }
    }
    // Most lines are prose: reject them before allocating.
    let colon = line.find([':', '：'])?;
    if colon > 60 || line[..colon].split_whitespace().count() > 4 {
        return None;
    }
    let clean = undecorate(line);
    let (key, value) = clean.split_once([':', '：'])?;
    let key = key.trim().trim_matches('_').trim().to_lowercase();
    let value = value.trim().trim_matches(['_', ' ', '|']).trim();
    if key.is_empty() || key.split_whitespace().count() > 3 || value.is_empty() {
        return None;
    }
    let header_key = if COUNTRY_KEYS.contains(&key.as_str()) {
        HeaderKey::Country
    } else if COMMITTEE_KEYS.contains(&key.as_str()) {
        HeaderKey::Committee
    } else if key == "topic" || key == "agenda" || key == "agenda item" || key == "issue" {
        HeaderKey::Topic(None)
    } else if key == "topics" || key == "agenda items" {
        HeaderKey::Topics
    } else if let Some(letter) = topic_letter(&key) {
        HeaderKey::Topic(Some(letter))
    } else if OTHER_KEYS.contains(&key.as_str()) {
        HeaderKey::Other(key.clone())
    } else {
        return None;
    };
    // A value that runs on for a whole paragraph is a sentence, not a field.
    if value.split_whitespace().count() > 25 {
        return None;
    }
    Some((
        header_key,
        value.trim_end_matches(['.', ';', ',']).to_owned(),
    ))
}

/// `topic a`, `topic 1`, `topic ii` -> the topic's letter ('A', '1', ...).
fn topic_letter(key: &str) -> Option<char> {
    let rest = key.strip_prefix("topic")?.trim();
    let rest = rest.trim_matches(['(', ')', '.']);
    match rest {
        "i" => Some('A'),
        "ii" => Some('B'),
        "iii" => Some('C'),
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
