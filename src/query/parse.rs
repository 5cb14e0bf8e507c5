//! What a person typed -> a query tree: question scaffolding ("who mentions",
//! "what does Brazil say about") understood and not searched for, quoted phrases,
//! AND/OR/NOT, `-word`, `field:value`, `prefix*`; and the limits that keep any
//! query's cost bounded (length, nesting, words, phrase slop, prefixes).

use crate::paper::countries;
use serde::Serialize;

/// A field a query can filter on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FilterField {
    Country,
    Committee,
    Topic,
    Section,
}

impl FilterField {
    fn parse(s: &str) -> Option<FilterField> {
        match s.to_lowercase().as_str() {
            "country" | "delegation" | "c" => Some(FilterField::Country),
            "committee" | "cmte" => Some(FilterField::Committee),
            "topic" => Some(FilterField::Topic),
            "section" | "kind" => Some(FilterField::Section),
            _ => None,
        }
    }
}

/// A parsed query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    /// A word as typed (analysed later).
    Word(String),
    /// `escro*`
    Prefix(String),
    /// `"darknet escrow"`, with an optional `~N` slop.
    Phrase(Vec<String>, u32),
    /// Words side by side, no operator: all of them rank first, some of them count.
    Group(Vec<Expr>),
    And(Vec<Expr>),
    Or(Vec<Expr>),
    Not(Box<Expr>),
    /// `country:Belgium` inside the query.
    Filter(FilterField, String),
}

/// Limits on what one query may ask for. Each bounds a cost that otherwise grows
/// without limit: the parser's and tantivy's recursion (nesting), the clauses
/// tantivy opens (words), the positions a sloppy phrase matcher tries (slop and
/// phrase length), and the term dictionary walks of `word*` (prefixes).
pub mod limits {
    /// Characters in a query: a pasted paragraph fits, a pasted document does not.
    pub const MAX_CHARS: usize = 2_000;
    /// Parentheses and NOT / `-` nested inside one another.
    pub const MAX_DEPTH: usize = 24;
    /// Words searched for (words, phrase words and prefixes together).
    pub const MAX_WORDS: usize = 32;
    /// Words in one quoted phrase.
    pub const MAX_PHRASE_WORDS: usize = 32;
    /// The `~N` of a phrase: words allowed between and around its words.
    pub const MAX_SLOP: u32 = 20;
    /// Words in a phrase with a slop: the sloppy matcher's work grows with both.
    pub const MAX_SLOPPY_PHRASE_WORDS: usize = 6;
    /// `word*` terms in one query.
    pub const MAX_PREFIXES: usize = 10;
    /// Letters a `word*` prefix needs, so it does not walk most of the dictionary.
    pub const MIN_PREFIX_CHARS: usize = 2;
}

/// A malformed query, with the position (in characters) of the problem.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message} (at character {position} of the query)")]
pub struct QueryError {
    pub message: String,
    pub position: usize,
}

/// The result of reading a query: the search expression (None when only filters
/// were given) plus filters found in the question's wording.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    pub expr: Option<Expr>,
    /// "what does Brazil say about X" -> Country = Brazil.
    pub implied: Vec<(FilterField, String)>,
    /// The words taken as question scaffolding, to show the user how we read them.
    pub dropped: Vec<String>,
    /// "which countries oppose X", "who supports X": the stance the question asks for.
    pub stance: Option<AskedStance>,
}

/// The stance a question asks about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AskedStance {
    Support,
    Oppose,
    /// "what does Russia think of X": the country's stance, whatever it is.
    Any,
}

/// Asking verbs that ask for a stance, and which.
fn stance_of_verb(verb: &[String]) -> Option<AskedStance> {
    let v = verb.join(" ");
    match v.as_str() {
        "support" | "supports" | "supported" | "back" | "backs" | "favour" | "favours"
        | "favor" | "favors" | "are for" | "is for" | "call for" | "calls for" | "want"
        | "wants" | "propose" | "proposes" | "proposed" => Some(AskedStance::Support),
        "oppose" | "opposes" | "reject" | "rejects" | "are against" | "is against" => {
            Some(AskedStance::Oppose)
        }
        "think about" | "thinks about" | "think of" | "stand on" | "stands on" | "view"
        | "views" | "feel about" | "feels about" | "position on" | "stance on" => {
            Some(AskedStance::Any)
        }
        _ => None,
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Tok {
    Word(String, usize),
    Phrase(Vec<String>, u32, usize),
    Open(usize),
    Close(usize),
    And,
    Or,
    Not(usize),
    Minus(usize),
    Field(FilterField, String, usize),
}

impl Tok {
    /// Where the token starts in the query, in characters (AND and OR keep none).
    fn start(&self) -> Option<usize> {
        match self {
            Tok::Word(_, p)
            | Tok::Phrase(_, _, p)
            | Tok::Open(p)
            | Tok::Close(p)
            | Tok::Not(p)
            | Tok::Minus(p)
            | Tok::Field(_, _, p) => Some(*p),
            Tok::And | Tok::Or => None,
        }
    }
}

fn lex(input: &str) -> Result<Vec<Tok>, QueryError> {
    let chars: Vec<char> = input.chars().collect();
    let mut toks = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        match c {
            '(' => {
                toks.push(Tok::Open(i));
                i += 1;
            }
            ')' => {
                toks.push(Tok::Close(i));
                i += 1;
            }
            '"' | '“' | '”' => {
                let start = i;
                i += 1;
                let mut text = String::new();
                while i < chars.len() && !matches!(chars[i], '"' | '“' | '”') {
                    text.push(chars[i]);
                    i += 1;
                }
                if i >= chars.len() {
                    return Err(QueryError {
                        message: "unclosed quote: add a closing \"".into(),
                        position: start + 1,
                    });
                }
                i += 1;
                let slop_at = i;
                let slop = read_slop(&chars, &mut i);
                let words: Vec<String> = text.split_whitespace().map(str::to_owned).collect();
                if words.is_empty() {
                    return Err(QueryError {
                        message: "empty quotes".into(),
                        position: start + 1,
                    });
                }
                if slop > limits::MAX_SLOP {
                    return Err(QueryError {
                        message: format!(
                            "~{slop} is too loose: a phrase allows at most ~{} words between its words",
                            limits::MAX_SLOP
                        ),
                        position: slop_at + 1,
                    });
                }
                if words.len() > limits::MAX_PHRASE_WORDS {
                    return Err(QueryError {
                        message: format!(
                            "the phrase has {} words; a phrase may have at most {}",
                            words.len(),
                            limits::MAX_PHRASE_WORDS
                        ),
                        position: start + 1,
                    });
                }
                if slop > 0 && words.len() > limits::MAX_SLOPPY_PHRASE_WORDS {
                    return Err(QueryError {
                        message: format!(
                            "a phrase with ~{slop} may have at most {} words (this one has {}); drop the ~ or shorten it",
                            limits::MAX_SLOPPY_PHRASE_WORDS,
                            words.len()
                        ),
                        position: start + 1,
                    });
                }
                toks.push(Tok::Phrase(words, slop, start));
            }
            '-' if i + 1 < chars.len()
                && !chars[i + 1].is_whitespace()
                && (i == 0 || chars[i - 1].is_whitespace() || chars[i - 1] == '(') =>
            {
                toks.push(Tok::Minus(i));
                i += 1;
            }
            _ => {
                let start = i;
                let mut word = String::new();
                while i < chars.len()
                    && !chars[i].is_whitespace()
                    && !matches!(chars[i], '(' | ')' | '"' | '“' | '”')
                {
                    word.push(chars[i]);
                    i += 1;
                }
                // field:"quoted value"
                if word.ends_with(':') && i < chars.len() && matches!(chars[i], '"' | '“') {
                    if let Some(field) = FilterField::parse(word.trim_end_matches(':')) {
                        let vstart = i;
                        i += 1;
                        let mut value = String::new();
                        while i < chars.len() && !matches!(chars[i], '"' | '”') {
                            value.push(chars[i]);
                            i += 1;
                        }
                        if i >= chars.len() {
                            return Err(QueryError {
                                message: "unclosed quote: add a closing \"".into(),
                                position: vstart + 1,
                            });
                        }
                        i += 1;
                        toks.push(Tok::Field(field, value.trim().to_owned(), start));
                        continue;
                    }
                }
                match word.as_str() {
                    "AND" | "&&" => toks.push(Tok::And),
                    "OR" | "||" => toks.push(Tok::Or),
                    "NOT" => toks.push(Tok::Not(start)),
                    _ => {
                        if let Some((f, v)) = word.split_once(':') {
                            if let Some(field) = FilterField::parse(f) {
                                if v.is_empty() {
                                    return Err(QueryError {
                                        message: format!("`{f}:` needs a value, e.g. {f}:Belgium"),
                                        position: start + 1,
                                    });
                                }
                                toks.push(Tok::Field(field, v.to_owned(), start));
                                continue;
                            }
                        }
                        toks.push(Tok::Word(word, start));
                    }
                }
            }
        }
    }
    Ok(toks)
}

fn read_slop(chars: &[char], i: &mut usize) -> u32 {
    if *i < chars.len() && chars[*i] == '~' {
        let mut j = *i + 1;
        let mut n = String::new();
        while j < chars.len() && chars[j].is_ascii_digit() {
            n.push(chars[j]);
            j += 1;
        }
        if !n.is_empty() {
            *i = j;
            // A number too large for u32 is simply too loose; say so like any other.
            return n.parse().unwrap_or(u32::MAX);
        }
    }
    0
}

struct Parser {
    toks: Vec<Tok>,
    pos: usize,
    len: usize,
    /// Parentheses and NOTs open around the current token.
    depth: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos)
    }

    fn or_expr(&mut self) -> Result<Expr, QueryError> {
        let mut parts = vec![self.and_expr()?];
        while matches!(self.peek(), Some(Tok::Or)) {
            self.pos += 1;
            parts.push(self.and_expr().map_err(|e| QueryError {
                message: if e.message.starts_with("nothing") {
                    "OR needs something on both sides".into()
                } else {
                    e.message
                },
                ..e
            })?);
        }
        Ok(if parts.len() == 1 {
            parts.remove(0)
        } else {
            Expr::Or(parts)
        })
    }

    /// Juxtaposed items form a Group; explicit AND binds its neighbours.
    fn and_expr(&mut self) -> Result<Expr, QueryError> {
        let mut items: Vec<Expr> = Vec::new();
        let mut pending_and = false;
        loop {
            match self.peek() {
                None | Some(Tok::Or) | Some(Tok::Close(_)) => break,
                Some(Tok::And) => {
                    if items.is_empty() {
                        return Err(QueryError {
                            message: "AND needs something on both sides".into(),
                            position: self.position(),
                        });
                    }
                    self.pos += 1;
                    pending_and = true;
                    continue;
                }
                _ => {}
            }
            let item = self.unary()?;
            if pending_and {
                let prev = items.pop().unwrap_or_else(|| Expr::And(vec![]));
                items.push(match prev {
                    Expr::And(mut v) => {
                        v.push(item);
                        Expr::And(v)
                    }
                    other => Expr::And(vec![other, item]),
                });
                pending_and = false;
            } else {
                items.push(item);
            }
        }
        if pending_and {
            return Err(QueryError {
                message: "AND needs something on both sides".into(),
                position: self.len,
            });
        }
        match items.len() {
            0 => Err(QueryError {
                message: "nothing to search for here".into(),
                position: self.position(),
            }),
            1 => Ok(items.remove(0)),
            _ => Ok(Expr::Group(items)),
        }
    }

    fn position(&self) -> usize {
        self.peek().and_then(Tok::start).map_or(self.len, |p| p + 1)
    }

    /// Enters one more level of nesting, refusing to go deeper than the limit (the
    /// parser, the compiler and tantivy's evaluation all recurse once per level).
    fn deeper(&mut self, position: usize) -> Result<(), QueryError> {
        self.depth += 1;
        if self.depth > limits::MAX_DEPTH {
            return Err(QueryError {
                message: format!(
                    "the query nests parentheses and NOT more than {} deep; simplify it",
                    limits::MAX_DEPTH
                ),
                position: position + 1,
            });
        }
        Ok(())
    }

    fn unary(&mut self) -> Result<Expr, QueryError> {
        match self.peek().cloned() {
            Some(Tok::Not(p)) | Some(Tok::Minus(p)) => {
                self.pos += 1;
                if matches!(
                    self.peek(),
                    None | Some(Tok::Close(_)) | Some(Tok::Or) | Some(Tok::And)
                ) {
                    return Err(QueryError {
                        message: "NOT / - must be followed by what to exclude".into(),
                        position: p + 1,
                    });
                }
                self.deeper(p)?;
                let inner = self.unary()?;
                self.depth -= 1;
                Ok(Expr::Not(Box::new(inner)))
            }
            Some(Tok::Open(p)) => {
                self.pos += 1;
                self.deeper(p)?;
                let inner = self.or_expr()?;
                self.depth -= 1;
                match self.peek() {
                    Some(Tok::Close(_)) => {
                        self.pos += 1;
                        Ok(inner)
                    }
                    _ => Err(QueryError {
                        message: "unclosed parenthesis: add a )".into(),
                        position: p + 1,
                    }),
                }
            }
            Some(Tok::Close(p)) => Err(QueryError {
                message: "unexpected ) without a matching (".into(),
                position: p + 1,
            }),
            Some(Tok::Word(w, p)) => {
                self.pos += 1;
                Ok(match w.strip_suffix('*') {
                    Some(prefix) if !prefix.is_empty() => {
                        if prefix.chars().filter(|c| c.is_alphanumeric()).count()
                            < limits::MIN_PREFIX_CHARS
                        {
                            return Err(QueryError {
                                message: format!(
                                    "{w} is too short a prefix: give at least {} letters before the *",
                                    limits::MIN_PREFIX_CHARS
                                ),
                                position: p + 1,
                            });
                        }
                        Expr::Prefix(prefix.to_owned())
                    }
                    _ => Expr::Word(w),
                })
            }
            Some(Tok::Phrase(words, slop, _)) => {
                self.pos += 1;
                Ok(Expr::Phrase(words, slop))
            }
            Some(Tok::Field(f, v, _)) => {
                self.pos += 1;
                Ok(Expr::Filter(f, v))
            }
            Some(Tok::And) | Some(Tok::Or) | None => Err(QueryError {
                message: "nothing to search for here".into(),
                position: self.position(),
            }),
        }
    }
}

/// Words that carry no meaning in a query when other words are there.
pub const STOP_WORDS: &[&str] = &[
    "a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "is", "are", "was", "were", "be",
    "been", "it", "its", "that", "this", "these", "those", "as", "at", "by", "from", "with",
    "about", "into", "do", "does", "did", "what", "which", "who", "whom", "how", "where", "when",
    "why", "their", "they", "them", "there", "any", "some", "has", "have", "had", "i", "we", "our",
    "you", "your",
];

/// Opening words of a question that are not what is searched for.
const LEADS: &[&str] = &[
    "which countries",
    "which country",
    "which delegations",
    "which delegation",
    "which states",
    "which member states",
    "which nations",
    "what countries",
    "what delegations",
    "what states",
    "countries that",
    "countries which",
    "delegations that",
    "who",
    "list countries that",
    "show me",
    "find",
    "search for",
    "tell me",
];

/// Verbs and phrases that ask about stance or mention, not content.
const ASKING_VERBS: &[&str] = &[
    "mention",
    "mentions",
    "mentioned",
    "mentioning",
    "talk about",
    "talks about",
    "talked about",
    "discuss",
    "discusses",
    "discussed",
    "say about",
    "says about",
    "said about",
    "say",
    "says",
    "write about",
    "writes about",
    "wrote about",
    "refer to",
    "refers to",
    "support",
    "supports",
    "supported",
    "propose",
    "proposes",
    "proposed",
    "address",
    "addresses",
    "addressed",
    "cite",
    "cites",
    "cited",
    "call for",
    "calls for",
    "want",
    "wants",
    "favour",
    "favours",
    "favor",
    "favors",
    "back",
    "backs",
    "oppose",
    "opposes",
    "reject",
    "rejects",
    "think about",
    "thinks about",
    "think of",
    "stand on",
    "stands on",
    "view",
    "views",
    "feel about",
    "feels about",
    "position on",
    "stance on",
    "policy on",
    "approach",
    "approaches",
    "have to say about",
    "has to say about",
    "are for",
    "is for",
    "are against",
    "is against",
    "care about",
    "cares about",
    "bring up",
    "brings up",
    "raise",
    "raises",
    "agree on",
    "agree with",
    "agree",
    "agrees",
];

fn lower_words(s: &str) -> Vec<String> {
    s.split_whitespace().map(|w| w.to_lowercase()).collect()
}

fn starts_with_words(words: &[String], phrase: &str) -> Option<usize> {
    let p = lower_words(phrase);
    (words.len() >= p.len() && words[..p.len()] == p[..]).then_some(p.len())
}

/// What a question's wording gave: the content words, the country it is about, the
/// words dropped as scaffolding and the stance it asks for.
struct Question {
    content: String,
    country: Option<String>,
    dropped: Vec<String>,
    stance: Option<AskedStance>,
}

/// Strips question scaffolding from a plain-words query; returns the content words,
/// the country the question is about (if any), and what was dropped.
fn strip_question(raw: &str) -> Result<Question, QueryError> {
    let trimmed = raw.trim().trim_end_matches(['?', '.', '!']).trim();
    let words: Vec<&str> = trimmed.split_whitespace().collect();
    let lower: Vec<String> = words
        .iter()
        .map(|w| w.to_lowercase().trim_matches([',', ';']).to_owned())
        .collect();
    let mut dropped = Vec::new();
    let mut start = 0;
    let mut country = None;

    let is_question_word = |w: &str| {
        matches!(
            w,
            "what"
                | "how"
                | "does"
                | "do"
                | "did"
                | "where"
                | "is"
                | "are"
                | "has"
                | "have"
                | "which"
        )
    };
    // "WHO" in capitals is the World Health Organization, not a question.
    let acronym_first = words
        .first()
        .is_some_and(|w| crate::index::lexicon::is_acronym(w));
    let lead = if acronym_first {
        None
    } else {
        LEADS.iter().find_map(|l| starts_with_words(&lower, l))
    };
    if let Some(n) = lead {
        dropped.extend(words[..n].iter().map(|w| w.to_string()));
        start = n;
    } else if lower.first().is_some_and(|w| is_question_word(w)) {
        // "what does Brazil say about X", "how does the United States view X",
        // "what is China's position on X", "does Belgium mention X"
        let mut i = 0;
        while i < lower.len() && (is_question_word(&lower[i]) || lower[i] == "the") {
            i += 1;
        }
        // Longest country name (up to 6 words) starting at i.
        for len in (1..=6.min(lower.len().saturating_sub(i))).rev() {
            let candidate = words[i..i + len].join(" ");
            let candidate = candidate
                .trim_end_matches("'s")
                .trim_end_matches("’s")
                .trim_end_matches(',');
            if let Some(c) = countries::lookup(candidate) {
                country = Some(c.name.to_owned());
                dropped.extend(words[..i + len].iter().map(|w| w.to_string()));
                start = i + len;
                break;
            }
        }
        if country.is_none() {
            dropped.extend(words[..i].iter().map(|w| w.to_string()));
            start = i;
        }
    }
    let mut stance = None;
    // After the lead: "countries" words and asking verbs ("mention", "say about").
    let rest_lower = &lower[start..];
    let mut skip = 0;
    loop {
        let r = &rest_lower[skip..];
        if let Some(n) = [
            "countries",
            "delegations",
            "states",
            "nations",
            "that",
            "which",
            "also",
            "both",
            "actually",
            "really",
            "most",
            "still",
        ]
        .iter()
        .find_map(|w| starts_with_words(r, w))
        {
            skip += n;
            continue;
        }
        if let Some(n) = ASKING_VERBS
            .iter()
            .filter_map(|v| starts_with_words(r, v))
            .max()
        {
            stance = stance.or(stance_of_verb(&r[..n]));
            skip += n;
            continue;
        }
        break;
    }
    let question = start > 0 || country.is_some();
    // Only treat asking verbs as scaffolding after a question lead.
    if question {
        dropped.extend(words[start..start + skip].iter().map(|w| w.to_string()));
        start += skip;
    } else {
        stance = None;
    }
    let mut content: Vec<&str> = words[start..].to_vec();
    // "what do small island states say about sea level rise": the asking verb stands
    // after the subject; the subject is searched, the verb is not.
    if question && skip == 0 && lower.first().is_some_and(|w| is_question_word(w)) {
        let rest = &lower[start..];
        if let Some((k, n)) = (1..rest.len()).find_map(|k| {
            ASKING_VERBS
                .iter()
                .filter_map(|v| starts_with_words(&rest[k..], v))
                .max()
                .map(|n| (k, n))
        }) {
            let subject = words[start..start + k].join(" ");
            // "what does Belguim say about escrow": a capitalised subject close to a
            // country's name is a misspelt country, not words to search.
            if country.is_none()
                && subject.starts_with(|c: char| c.is_uppercase())
                && k <= 4
                && !subject
                    .split_whitespace()
                    .any(|w| w.chars().all(|c| c.is_uppercase()))
            {
                let names: Vec<&str> = countries::COUNTRIES.iter().map(|c| c.name).collect();
                let close = countries::suggest(&subject, &names, 3);
                if !close.is_empty() {
                    return Err(QueryError {
                        message: format!(
                            "no country is called {subject:?}; did you mean {}?",
                            close.join(", ")
                        ),
                        position: raw
                            .find(&subject)
                            .map_or(1, |i| raw[..i].chars().count() + 1),
                    });
                }
            }
            stance = stance_of_verb(&rest[k..k + n]);
            dropped.extend(
                words[start + k..start + k + n]
                    .iter()
                    .map(|w| w.to_string()),
            );
            content.drain(k..k + n);
        }
    }
    Ok(Question {
        content: content.join(" "),
        country,
        dropped,
        stance,
    })
}

/// True when the query uses operator syntax, so question rewriting must not touch it.
fn has_syntax(raw: &str) -> bool {
    raw.contains(['"', '(', ')', ':', '“'])
        || raw
            .split_whitespace()
            .any(|w| matches!(w, "AND" | "OR" | "NOT") || w.starts_with('-') || w.ends_with('*'))
}

/// Parses what the user typed.
pub fn parse(raw: &str) -> Result<Parsed, QueryError> {
    if raw.trim().is_empty() {
        return Err(QueryError {
            message: "the query is empty".into(),
            position: 1,
        });
    }
    let chars = raw.chars().count();
    if chars > limits::MAX_CHARS {
        return Err(QueryError {
            message: format!(
                "the query is {chars} characters long; at most {} are read",
                limits::MAX_CHARS
            ),
            position: limits::MAX_CHARS + 1,
        });
    }
    let Question {
        content: text,
        country,
        mut dropped,
        stance,
    } = read_question(raw)?;
    let mut implied = Vec::new();
    if let Some(c) = country {
        implied.push((FilterField::Country, c));
    }
    if text.trim().is_empty() {
        return Ok(Parsed {
            expr: None,
            implied,
            dropped,
            stance,
        });
    }
    let toks = lex(&text)?;
    let len = text.chars().count();
    let mut parser = Parser {
        toks,
        pos: 0,
        len,
        depth: 0,
    };
    let expr = parser.or_expr()?;
    if parser.pos < parser.toks.len() {
        return Err(QueryError {
            message: "unexpected ) without a matching (".into(),
            position: parser.position(),
        });
    }
    check_size(&expr)?;
    let expr = drop_stop_words(expr, &mut dropped);
    if only_stop_words(&expr) {
        return Err(QueryError {
            message: format!(
                "{:?} has only common words (such as \"the\" or \"of\"), which match every paper; add a word that says what to look for",
                raw.trim()
            ),
            position: 1,
        });
    }
    Ok(Parsed {
        expr: Some(expr),
        implied,
        dropped,
        stance,
    })
}

/// True when every word of an expression is a stop word (nothing to search for).
fn only_stop_words(e: &Expr) -> bool {
    match e {
        Expr::Word(_) => is_stop(e),
        Expr::Group(v) | Expr::And(v) | Expr::Or(v) => v.iter().all(only_stop_words),
        _ => false,
    }
}

/// Counts the words and prefixes a parsed query searches for (without recursion:
/// the tree's depth is bounded, but this need not rely on it).
fn check_size(expr: &Expr) -> Result<(), QueryError> {
    let mut words = 0;
    let mut prefixes = 0;
    let mut stack = vec![expr];
    while let Some(e) = stack.pop() {
        match e {
            Expr::Word(_) | Expr::Filter(..) => words += 1,
            Expr::Prefix(_) => {
                words += 1;
                prefixes += 1;
            }
            Expr::Phrase(ws, _) => words += ws.len(),
            Expr::Group(v) | Expr::And(v) | Expr::Or(v) => stack.extend(v),
            Expr::Not(inner) => stack.push(inner),
        }
    }
    if words > limits::MAX_WORDS {
        return Err(QueryError {
            message: format!(
                "the query has {words} words; at most {} are searched",
                limits::MAX_WORDS
            ),
            position: 1,
        });
    }
    if prefixes > limits::MAX_PREFIXES {
        return Err(QueryError {
            message: format!(
                "the query has {prefixes} word* prefixes; at most {} are expanded",
                limits::MAX_PREFIXES
            ),
            position: 1,
        });
    }
    Ok(())
}

/// The question in what was typed: its content words, the country and stance it
/// asks about, and what was dropped.
fn read_question(raw: &str) -> Result<Question, QueryError> {
    let plain = |text: &str| {
        if has_syntax(text) {
            // Still allow a question lead before syntax: `who mentions "task force"`.
            strip_question_prefix_only(text)
        } else {
            strip_question(text)
        }
    };
    // "which countries oppose harm reduction committee:CND": the filters are set
    // aside so the question around them is still read as one, then put back.
    if let Some((rest, filters)) = set_filters_aside(raw) {
        let q = plain(&rest)?;
        if !q.dropped.is_empty() || q.stance.is_some() || q.country.is_some() {
            return Ok(Question {
                content: format!("{} {}", q.content, filters.join(" "))
                    .trim()
                    .to_owned(),
                ..q
            });
        }
    }
    plain(raw)
}

/// The query without its `field:value` filters (`-field:value` too), and the
/// filters as typed; None when it has none, or has AND, OR, NOT or parentheses,
/// where taking a filter out of place would change what it means. The query's own
/// lexer finds them, so quoting works as it does everywhere else.
fn set_filters_aside(raw: &str) -> Option<(String, Vec<String>)> {
    let toks = lex(raw).ok()?;
    if toks.iter().any(|t| {
        matches!(
            t,
            Tok::Open(_) | Tok::Close(_) | Tok::And | Tok::Or | Tok::Not(_)
        )
    }) {
        return None;
    }
    // Byte offsets of the lexer's character positions.
    let byte: Vec<usize> = raw
        .char_indices()
        .map(|(b, _)| b)
        .chain([raw.len()])
        .collect();
    let (mut rest, mut filters, mut copied) = (String::new(), Vec::new(), 0);
    for (k, t) in toks.iter().enumerate() {
        let Tok::Field(_, _, at) = t else { continue };
        // A filter runs from its `-`, if any, to the next token.
        let from = match k.checked_sub(1).map(|j| &toks[j]) {
            Some(Tok::Minus(m)) => *m,
            _ => *at,
        };
        let to = toks
            .get(k + 1)
            .and_then(Tok::start)
            .unwrap_or(byte.len() - 1);
        let (from, to) = (byte[from], byte[to]);
        rest.push_str(&raw[copied..from]);
        filters.push(raw[from..to].trim().to_owned());
        copied = to;
    }
    rest.push_str(&raw[copied..]);
    (!filters.is_empty()).then_some((rest, filters))
}

/// With syntax present, only a plain-word lead ("who mentions") is stripped.
fn strip_question_prefix_only(raw: &str) -> Result<Question, QueryError> {
    let unchanged = || Question {
        content: raw.to_owned(),
        country: None,
        dropped: Vec::new(),
        stance: None,
    };
    let first_syntax = raw
        .char_indices()
        .find(|(i, c)| {
            matches!(c, '"' | '(' | '“') || (*c == '-' && (*i == 0 || raw[..*i].ends_with(' ')))
        })
        .map_or(raw.len(), |(i, _)| i);
    // The lead is the plain words before the first syntax, cut at the last asking verb.
    let head = &raw[..first_syntax];
    if head.contains(':')
        || head
            .split_whitespace()
            .any(|w| matches!(w, "AND" | "OR" | "NOT") || w.ends_with('*'))
    {
        return Ok(unchanged());
    }
    let q = strip_question(head)?;
    if q.dropped.is_empty() {
        return Ok(unchanged());
    }
    Ok(Question {
        content: format!("{} {}", q.content, &raw[first_syntax..])
            .trim()
            .to_owned(),
        ..q
    })
}

/// Removes stop words from groups of plain words, unless nothing would be left.
fn drop_stop_words(expr: Expr, dropped: &mut Vec<String>) -> Expr {
    match expr {
        Expr::Group(items) => {
            let keep = items.iter().any(|e| !is_stop(e));
            let mut out = Vec::new();
            for e in items {
                if keep && is_stop(&e) {
                    if let Expr::Word(w) = &e {
                        dropped.push(w.clone());
                    }
                    continue;
                }
                out.push(drop_stop_words(e, dropped));
            }
            if out.len() == 1 {
                out.remove(0)
            } else {
                Expr::Group(out)
            }
        }
        Expr::And(v) => Expr::And(v.into_iter().map(|e| drop_stop_words(e, dropped)).collect()),
        Expr::Or(v) => Expr::Or(v.into_iter().map(|e| drop_stop_words(e, dropped)).collect()),
        Expr::Not(e) => Expr::Not(Box::new(drop_stop_words(*e, dropped))),
        other => other,
    }
}

fn is_stop(e: &Expr) -> bool {
    matches!(e, Expr::Word(w) if !crate::index::lexicon::is_acronym(w)
        && STOP_WORDS.contains(&w.to_lowercase().trim_matches(|c: char| !c.is_alphanumeric())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content(q: &str) -> (String, Option<String>, Option<AskedStance>) {
        let p = parse(q).unwrap();
        let words = match p.expr {
            Some(Expr::Group(v)) => v
                .iter()
                .map(|e| match e {
                    Expr::Word(w) => w.clone(),
                    other => format!("{other:?}"),
                })
                .collect::<Vec<_>>()
                .join(" "),
            Some(Expr::Word(w)) => w,
            other => format!("{other:?}"),
        };
        let country = p.implied.first().map(|(_, c)| c.clone());
        (words, country, p.stance)
    }

    #[test]
    fn questions_keep_their_subject_and_drop_the_asking_verb() {
        assert_eq!(
            content("what do small island states say about sea level rise"),
            ("small island states sea level rise".into(), None, None)
        );
        assert_eq!(
            content("what does the United States say about Somalia"),
            ("Somalia".into(), Some("United States".into()), None)
        );
    }

    #[test]
    fn stance_questions_ask_for_a_stance() {
        for (q, want) in [
            ("which countries oppose harm reduction", AskedStance::Oppose),
            ("who is against harm reduction", AskedStance::Oppose),
            ("who rejects harm reduction", AskedStance::Oppose),
            ("who supports harm reduction", AskedStance::Support),
            ("who backs harm reduction", AskedStance::Support),
            ("what does Russia think of harm reduction", AskedStance::Any),
        ] {
            let (words, _, stance) = content(q);
            assert_eq!(words, "harm reduction", "{q}");
            assert_eq!(stance, Some(want), "{q}");
        }
        assert_eq!(content("who mentions harm reduction").2, None);
        // Without a question lead, "support" is a word to search.
        assert_eq!(content("support harm reduction").2, None);
    }

    #[test]
    fn a_misspelt_country_in_a_question_gets_a_suggestion() {
        let err = parse("what does Belguim say about escrow").unwrap_err();
        assert!(err.message.contains("Belgium"), "{}", err.message);
    }

    #[test]
    fn only_stop_words_is_an_error() {
        let err = parse("the of and").unwrap_err();
        assert!(err.message.contains("common words"), "{}", err.message);
        assert!(parse("the task force").is_ok());
    }

    fn words(v: &[&str]) -> Expr {
        Expr::Group(v.iter().map(|w| Expr::Word(w.to_string())).collect())
    }

    #[test]
    fn plain_words_make_a_group() {
        assert_eq!(
            parse("darknet escrow").unwrap().expr,
            Some(words(&["darknet", "escrow"]))
        );
        assert_eq!(
            parse("escrow").unwrap().expr,
            Some(Expr::Word("escrow".into()))
        );
    }

    #[test]
    fn a_question_with_filters_is_still_read_as_a_question() {
        let p = parse("which countries oppose harm reduction committee:CND").unwrap();
        assert_eq!(p.stance, Some(AskedStance::Oppose));
        assert_eq!(
            p.expr,
            Some(Expr::Group(vec![
                Expr::Word("harm".into()),
                Expr::Word("reduction".into()),
                Expr::Filter(FilterField::Committee, "CND".into()),
            ]))
        );
        // Before the question, negated, quoted, with a phrase.
        let p = parse("country:\"United States\" who supports \"harm reduction\" -topic:cannabis")
            .unwrap();
        assert_eq!(p.stance, Some(AskedStance::Support));
        assert_eq!(
            p.expr,
            Some(Expr::Group(vec![
                Expr::Phrase(vec!["harm".into(), "reduction".into()], 0),
                Expr::Filter(FilterField::Country, "United States".into()),
                Expr::Not(Box::new(Expr::Filter(
                    FilterField::Topic,
                    "cannabis".into()
                ))),
            ]))
        );
        let p = parse("what does Brazil say about precursors section:solutions").unwrap();
        assert_eq!(p.implied, vec![(FilterField::Country, "Brazil".into())]);
        assert_eq!(
            p.expr,
            Some(Expr::Group(vec![
                Expr::Word("precursors".into()),
                Expr::Filter(FilterField::Section, "solutions".into()),
            ]))
        );
        // Curly quotes close a phrase.
        let p = parse("who backs “harm reduction” country:Peru").unwrap();
        assert_eq!(p.stance, Some(AskedStance::Support));
        // Any whitespace separates words (a no-break space once looped forever).
        let p = parse("who opposes escrow\u{a0}country:Peru\u{3000}x").unwrap();
        assert_eq!(p.stance, Some(AskedStance::Oppose));
        // A plain query keeps its filters where they were; OR keeps its grouping.
        let p = parse("escrow country:Peru").unwrap();
        assert_eq!(p.stance, None);
        let p = parse("who opposes escrow OR country:Peru").unwrap();
        assert_eq!(p.stance, None);
    }

    #[test]
    fn questions_are_understood() {
        let p = parse("who mentions darknet escrow").unwrap();
        assert_eq!(p.expr, Some(words(&["darknet", "escrow"])));
        assert_eq!(p.dropped, vec!["who", "mentions"]);
        let p = parse("which countries support a task force?").unwrap();
        assert_eq!(p.expr, Some(words(&["task", "force"])));
        let p = parse("what does Brazil say about precursor chemicals").unwrap();
        assert_eq!(p.expr, Some(words(&["precursor", "chemicals"])));
        assert_eq!(p.implied, vec![(FilterField::Country, "Brazil".into())]);
        let p = parse("What is the United States' position on swarms?").unwrap();
        assert_eq!(
            p.implied,
            vec![(FilterField::Country, "United States".into())]
        );
        assert_eq!(p.expr, Some(Expr::Word("swarms".into())));
        let p = parse("how does Russia view data localisation").unwrap();
        assert_eq!(p.implied, vec![(FilterField::Country, "Russia".into())]);
        assert_eq!(p.expr, Some(words(&["data", "localisation"])));
        let p = parse("who mentions \"task force\"").unwrap();
        assert_eq!(
            p.expr,
            Some(Expr::Phrase(vec!["task".into(), "force".into()], 0))
        );
    }

    #[test]
    fn a_country_in_a_plain_query_is_searched_for_not_filtered() {
        let p = parse("Belgium escrow").unwrap();
        assert!(p.implied.is_empty());
        assert_eq!(p.expr, Some(words(&["Belgium", "escrow"])));
    }

    #[test]
    fn operators_phrases_fields_prefixes() {
        let p = parse("(escrow OR \"darknet market\") -country:Russia").unwrap();
        assert_eq!(
            p.expr,
            Some(Expr::Group(vec![
                Expr::Or(vec![
                    Expr::Word("escrow".into()),
                    Expr::Phrase(vec!["darknet".into(), "market".into()], 0)
                ]),
                Expr::Not(Box::new(Expr::Filter(
                    FilterField::Country,
                    "Russia".into()
                ))),
            ]))
        );
        let p = parse("crypto* AND NOT tumbling committee:\"Human Rights Council\"").unwrap();
        assert_eq!(
            p.expr,
            Some(Expr::Group(vec![
                Expr::And(vec![
                    Expr::Prefix("crypto".into()),
                    Expr::Not(Box::new(Expr::Word("tumbling".into())))
                ]),
                Expr::Filter(FilterField::Committee, "Human Rights Council".into()),
            ]))
        );
        assert_eq!(
            parse("\"task force\"~3").unwrap().expr,
            Some(Expr::Phrase(vec!["task".into(), "force".into()], 3))
        );
        // A hyphen inside a word is not NOT.
        assert_eq!(
            parse("dual-use").unwrap().expr,
            Some(Expr::Word("dual-use".into()))
        );
    }

    #[test]
    fn stop_words_are_dropped_unless_alone() {
        assert_eq!(
            parse("the role of the state").unwrap().expr,
            Some(words(&["role", "state"]))
        );
        assert!(parse("the").is_err());
        // WHO the organisation is not "who".
        assert_eq!(parse("WHO").unwrap().expr, Some(Expr::Word("WHO".into())));
    }

    #[test]
    fn malformed_queries_point_at_the_problem() {
        let e = parse("\"darknet escrow").unwrap_err();
        assert!(e.message.contains("unclosed quote"), "{e}");
        assert_eq!(e.position, 1);
        let e = parse("(escrow OR market").unwrap_err();
        assert!(e.message.contains("unclosed parenthesis"));
        let e = parse("escrow OR").unwrap_err();
        assert!(e.message.contains("OR needs something"), "{e}");
        let e = parse("escrow)").unwrap_err();
        assert!(e.message.contains("without a matching ("), "{e}");
        assert_eq!(e.position, 7);
        assert!(parse("country:")
            .unwrap_err()
            .message
            .contains("needs a value"));
        assert!(parse("   ").is_err());
        assert!(parse("NOT").is_err());
    }
}
