//! Per-language data from `rules/lang/*.toml`, embedded at build time, and the
//! matchers built from it (verb forms, addressees, structural words).
//!
//! Nothing language-specific lives in Rust code: a new language is a new TOML
//! file in `rules/lang/` (build.rs embeds them all).

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

// The embedded language packs: every `rules/lang/*.toml`, found by build.rs.
include!(concat!(env!("OUT_DIR"), "/language_files.rs"));

/// What a clause does, independent of language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Function {
    Recall,
    Basis,
    Stress,
    Welcome,
    Recognise,
    Note,
    Reaffirm,
    Affirm,
    Consider,
    Call,
    Encourage,
    Recommend,
    Support,
    Commit,
    Expect,
    Concern,
    Decide,
    Other,
}

impl Function {
    pub fn as_str(self) -> &'static str {
        match self {
            Function::Recall => "recall",
            Function::Basis => "basis",
            Function::Stress => "stress",
            Function::Welcome => "welcome",
            Function::Recognise => "recognise",
            Function::Note => "note",
            Function::Reaffirm => "reaffirm",
            Function::Affirm => "affirm",
            Function::Consider => "consider",
            Function::Call => "call",
            Function::Encourage => "encourage",
            Function::Recommend => "recommend",
            Function::Support => "support",
            Function::Commit => "commit",
            Function::Expect => "expect",
            Function::Concern => "concern",
            Function::Decide => "decide",
            Function::Other => "other",
        }
    }

    /// Functions whose clauses name addressees.
    pub fn takes_addressees(self) -> bool {
        matches!(
            self,
            Function::Call | Function::Encourage | Function::Recommend
        )
    }
}

/// Where a verb form belongs: the preamble (participles) or the operative part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Preamble,
    Operative,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Preamble => "preamble",
            Role::Operative => "operative",
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLanguage {
    code: String,
    name: String,
    structure: Structure,
    conventions: Conventions,
    preamble: BTreeMap<Function, Vec<String>>,
    operative: BTreeMap<Function, Vec<String>>,
    #[serde(default)]
    ambiguous: BTreeMap<String, Vec<Function>>,
    addressees: RawAddressees,
    /// ISO 639-3 code for the statistical detector, when whatlang knows the
    /// language (it knows neither Irish nor Maltese).
    #[serde(default)]
    whatlang: Option<String>,
    #[serde(default)]
    narrative: Narrative,
    #[serde(default)]
    kinds: Kinds,
    #[serde(default)]
    detection: Detection,
    /// Provenance: real Council texts (by name) and the verb forms seen in
    /// them. Every other form is unverified (general knowledge of EU usage).
    #[serde(default)]
    verified: BTreeMap<String, Vec<String>>,
}

impl Conventions {
    /// `c` ends recitals, paragraphs or list items in this language.
    pub fn terminates(&self, c: char) -> bool {
        [
            &self.recital_terminator,
            &self.paragraph_terminator,
            &self.list_item_terminator,
            &self.list_last_item_terminator,
        ]
        .iter()
        .any(|t| t.trim() == c.to_string())
    }
}

/// Words that tell a language the statistical detector does not know (Irish,
/// Maltese): function words, and prefixes ending in `-` or `'` (`il-`, `ta'`).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Detection {
    #[serde(default)]
    pub words: Vec<String>,
}

/// Words that tell the kind of a text, read in its title and formula.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Kinds {
    /// `resolution` in a title (`Resolutie van de Raad`).
    #[serde(default)]
    pub resolution: Vec<String>,
    /// The European Council (`Europese Raad`, `Conseil européen`).
    #[serde(default)]
    pub european_council: Vec<String>,
    /// The Representatives of the Governments of the Member States.
    #[serde(default)]
    pub representatives: Vec<String>,
}

/// The narrative layout ("The Council recalls …", "De Raad is van mening
/// …"): who a clause's subject can be.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Narrative {
    /// Subject phrases as written at the start of a sentence or point
    /// (`The Council`, `The European Council`, `Member States`).
    #[serde(default)]
    pub subjects: Vec<String>,
    /// Pronouns that take up the subject of the sentence before (`It`).
    #[serde(default)]
    pub pronouns: Vec<String>,
    /// Words that open a relative or subordinate clause after a comma
    /// (`which`, `qui`, `die`): the verb of such a clause is not the
    /// subject's (", which the Council notes").
    #[serde(default)]
    pub relatives: Vec<String>,
    /// Conjunctions that open a subordinate clause, comma or not (`that`,
    /// `dat`, `dass`): a verb after one is not the subject's.
    #[serde(default)]
    pub subordinators: Vec<String>,
    /// The finite verb stands second in a main clause, so a fronted phrase
    /// puts the subject after it ("Voorts verwelkomt de Raad …").
    #[serde(default)]
    pub verb_second: bool,
    /// Linking adverbs that open a sentence whose subject is left out
    /// ("Ponadto wzywa …", "De asemenea, solicită …").
    #[serde(default)]
    pub adverbs: Vec<String>,
}

/// Structural words and phrases of a language.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Structure {
    pub formula: Vec<String>,
    pub transitions: Vec<String>,
    pub register_names: Vec<String>,
    pub annex_markers: Vec<String>,
    pub document_types: Vec<String>,
    pub header_fields: Vec<String>,
    pub subject_fields: Vec<String>,
    pub draft_markers: Vec<String>,
    pub outcome_document_types: Vec<String>,
    pub not_adopted_after: Vec<String>,
    pub adopted_phrases: Vec<String>,
    pub conclusions_words: Vec<String>,
    pub number_followers: Vec<String>,
    pub conjunctions: Vec<String>,
    pub abbreviations: Vec<String>,
}

/// Punctuation conventions of a language.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Conventions {
    pub recital_terminator: String,
    pub paragraph_terminator: String,
    pub final_terminator: String,
    pub list_item_terminator: String,
    pub list_last_item_terminator: String,
    /// How a list's lead-in may end: `:` everywhere; German also writes
    /// `,` ("ERSUCHT die Mitgliedstaaten,"), Swedish, Danish and Finnish
    /// no mark ("UPPMANAR MEDLEMSSTATERNA ATT"), written `""`.
    #[serde(default = "colon")]
    pub list_lead_in_endings: Vec<String>,
    /// Recitals are headed by the finite verb (Finnish "NEUVOSTO, joka"):
    /// `verb-role` does not call such a recital's verb wrong.
    #[serde(default)]
    pub finite_recitals: bool,
}

fn colon() -> Vec<String> {
    vec![":".to_string()]
}

#[derive(Debug, Deserialize)]
struct RawAddressees {
    connectors: Vec<String>,
    skip: Vec<String>,
    #[serde(flatten)]
    ids: BTreeMap<String, Vec<String>>,
}

/// One element of a verb form: a word, or a gap that other words may fill.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// A word, stored in upper case.
    Word(String),
    /// `…`: any words of the clause until the following particle.
    Gap,
}

/// One lexicon entry.
#[derive(Debug, Clone)]
pub struct VerbForm {
    /// As written in the rules file (`ROEPT … ERTOE OP`).
    pub form: String,
    pub parts: Vec<Part>,
    pub function: Function,
    pub role: Role,
    /// Other functions this form may stand for (for cross-language comparison).
    pub also: Vec<Function>,
    /// The real Council text the form was seen in; `None`: unverified.
    pub verified: Option<String>,
}

impl VerbForm {
    /// Number of words (gaps excluded); longer matches win.
    fn word_count(&self) -> usize {
        self.parts
            .iter()
            .filter(|p| matches!(p, Part::Word(_)))
            .count()
    }
}

/// An addressee phrase, as upper-cased words, with its canonical id.
#[derive(Debug, Clone)]
pub struct AddresseePhrase {
    pub words: Vec<String>,
    /// Acronyms (`ES`, `EU`) match only in capitals: `es` is a Latvian pronoun.
    pub case_sensitive: bool,
    pub id: String,
}

/// A language's data with its matchers built.
#[derive(Debug)]
pub struct Language {
    pub code: String,
    pub name: String,
    pub structure: Structure,
    pub conventions: Conventions,
    pub verbs: Vec<VerbForm>,
    /// Upper-cased first word → indices into `verbs`, longest forms first.
    by_first_word: HashMap<String, Vec<usize>>,
    pub addressees: Vec<AddresseePhrase>,
    pub addressee_connectors: Vec<String>,
    pub addressee_skip: Vec<String>,
    pub whatlang: Option<String>,
    pub narrative: Narrative,
    pub kinds: Kinds,
    pub marker_words: Vec<String>,
    /// Narrative subjects and pronouns as upper-cased words, longest first.
    pub subject_words: Vec<Vec<String>>,
    /// [`Narrative::adverbs`] as upper-cased words.
    pub adverb_words: Vec<Vec<String>>,
    /// [`Narrative::relatives`], upper-cased.
    pub relative_words: Vec<String>,
    /// [`Narrative::subordinators`], upper-cased.
    pub subordinator_words: Vec<String>,
    /// Upper-cased structural phrases, for whole-line comparisons, indexed
    /// by [`Phrases`] (every line is compared with several lists).
    phrases: [Vec<String>; 6],
    /// Distinct first words of verb forms with their diacritic-folded forms
    /// (for near-miss search), and the index of the shortest form.
    pub(crate) first_words: Vec<(String, String, usize)>,
}

/// One embedded pack (build.rs): its text, and what language detection
/// needs to know of it before parsing it.
struct PackFile {
    code: &'static str,
    text: &'static str,
    /// ISO 639-3 code for the statistical detector.
    whatlang: Option<&'static str>,
    /// The first word of each verb form, as the pack writes it.
    verb_first_words: &'static [&'static str],
}

/// Pack `i` of [`LANGUAGE_FILES`], parsed on first use; `None` past the
/// last. The packs are compiled in and checked by the tests, so a broken one
/// is a build defect.
fn load(i: usize) -> Option<&'static Language> {
    static SLOTS: [OnceLock<Language>; LANGUAGE_FILES.len()] =
        [const { OnceLock::new() }; LANGUAGE_FILES.len()];
    let file = LANGUAGE_FILES.get(i)?;
    let slot = SLOTS.get(i)?;
    Some(slot.get_or_init(|| {
        if let Some(pack) = pack_override(file.code) {
            return pack;
        }
        Language::from_toml(file.text)
            .unwrap_or_else(|e| panic!("rules/lang/{}.toml is invalid: {e}", file.code))
    }))
}

/// For pack authors: `CONCLINT_PACK_DIR=rules/lang conclint …` reads the
/// packs from that folder instead of the compiled-in copies, so an edit is
/// tried without a rebuild. Detection's first-word hints still come from the
/// compiled packs. A pack that is missing there, or invalid (said on stderr),
/// falls back to the compiled one.
fn pack_override(code: &str) -> Option<Language> {
    let dir = std::env::var_os("CONCLINT_PACK_DIR")?;
    let path = std::path::Path::new(&dir).join(format!("{code}.toml"));
    let text = std::fs::read_to_string(&path).ok()?;
    Language::from_toml(&text)
        .inspect_err(|e| eprintln!("conclint: {} is invalid: {e}", path.display()))
        .ok()
}

/// Upper-cased first word of a verb form → the indices of the packs with a
/// form starting so. Built from build.rs's hints, without parsing a pack.
fn verb_start_index() -> &'static HashMap<String, Vec<usize>> {
    static INDEX: OnceLock<HashMap<String, Vec<usize>>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, file) in LANGUAGE_FILES.iter().enumerate() {
            for word in file.verb_first_words {
                let packs = index.entry(upper(word)).or_default();
                if packs.last() != Some(&i) {
                    packs.push(i);
                }
            }
        }
        index
    })
}

/// Lists of structural phrases a line can be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Phrases {
    Transition,
    Formula,
    AnnexMarker,
    DocumentType,
    OutcomeType,
    RegisterName,
}

impl Language {
    /// Verb forms whose first word is `word_upper`, longest first.
    pub fn forms_starting_with(&self, word_upper: &str) -> impl Iterator<Item = &VerbForm> {
        self.by_first_word
            .get(word_upper)
            .into_iter()
            .flatten()
            // Indices were taken from `verbs` when the pack was built.
            .filter_map(move |&i| self.verbs.get(i))
    }

    /// True when `word_upper` starts any verb form.
    pub fn is_verb_start(&self, word_upper: &str) -> bool {
        self.by_first_word.contains_key(word_upper)
    }

    /// All languages, each loaded once (on all cores: the packs are most of
    /// a short run's start-up), in the order of their codes.
    pub fn all() -> &'static [&'static Language] {
        static ALL: OnceLock<Vec<&'static Language>> = OnceLock::new();
        ALL.get_or_init(|| {
            use rayon::prelude::*;
            (0..LANGUAGE_FILES.len())
                .into_par_iter()
                .filter_map(load)
                .collect()
        })
    }

    /// The language with this ISO code, if supported. Only its own pack is
    /// loaded: a run told the language never reads the other 23.
    pub fn get(code: &str) -> Option<&'static Language> {
        load(LANGUAGE_FILES.iter().position(|f| f.code == code)?)
    }

    /// The `i`-th language in the order of [`Language::codes`], loaded on
    /// first use.
    pub fn nth(i: usize) -> Option<&'static Language> {
        load(i)
    }

    /// Codes of the supported languages, in order.
    pub fn codes() -> Vec<&'static str> {
        LANGUAGE_FILES.iter().map(|f| f.code).collect()
    }

    /// Indices (as in [`Language::nth`]) of the languages that have a verb
    /// form starting with `word_upper`, found without loading any pack.
    pub fn verb_start_candidates(word_upper: &str) -> &'static [usize] {
        verb_start_index()
            .get(word_upper)
            .map_or(&[], |packs| packs.as_slice())
    }

    /// Each language's whatlang code with its index, without loading a pack.
    pub fn whatlang_codes() -> impl Iterator<Item = (usize, &'static str)> {
        LANGUAGE_FILES
            .iter()
            .enumerate()
            .filter_map(|(i, f)| Some((i, f.whatlang?)))
    }

    /// Parses and checks one rules file.
    pub fn from_toml(text: &str) -> Result<Language, String> {
        let raw: RawLanguage = toml::from_str(text).map_err(|e| e.to_string())?;
        let mut verbs = Vec::new();
        let mut seen: HashMap<String, Role> = HashMap::new();
        for (role, table) in [
            (Role::Preamble, &raw.preamble),
            (Role::Operative, &raw.operative),
        ] {
            for (&function, forms) in table {
                for form in forms {
                    let key = upper(form);
                    if let Some(prev) = seen.insert(key.clone(), role) {
                        if prev == role {
                            return Err(format!("verb form `{form}` is listed twice"));
                        }
                    }
                    let parts = parse_form(form)?;
                    let also = raw.ambiguous.get(form).cloned().unwrap_or_default();
                    let verified = raw
                        .verified
                        .iter()
                        .find(|(_, forms)| forms.contains(form))
                        .map(|(text, _)| text.clone());
                    verbs.push(VerbForm {
                        form: form.clone(),
                        parts,
                        function,
                        role,
                        also,
                        verified,
                    });
                }
            }
        }
        for form in raw.verified.values().flatten() {
            if !verbs.iter().any(|v| &v.form == form) {
                return Err(format!(
                    "[verified] names `{form}`, which is not a verb form"
                ));
            }
        }
        for form in raw.ambiguous.keys() {
            if !verbs.iter().any(|v| &v.form == form) {
                return Err(format!(
                    "[ambiguous] names `{form}`, which is not a verb form"
                ));
            }
        }
        let mut by_first_word: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, v) in verbs.iter().enumerate() {
            if let Some(Part::Word(w)) = v.parts.first() {
                by_first_word.entry(w.clone()).or_default().push(i);
            }
        }
        for list in by_first_word.values_mut() {
            list.sort_by_key(|&i| {
                std::cmp::Reverse(verbs.get(i).map(|v| (v.word_count(), v.parts.len())))
            });
        }
        let mut addressees = Vec::new();
        for (id, phrases) in &raw.addressees.ids {
            for p in phrases {
                let words: Vec<String> = crate::text::words(p).map(|w| upper(w.text)).collect();
                let case_sensitive = p.chars().all(|c| !c.is_lowercase());
                addressees.push(AddresseePhrase {
                    words,
                    case_sensitive,
                    id: id.clone(),
                });
            }
        }
        addressees.sort_by_key(|a| std::cmp::Reverse(a.words.len()));
        let st = &raw.structure;
        let up = |v: &Vec<String>| v.iter().map(|p| upper(p)).collect::<Vec<_>>();
        // In the order of `Phrases`.
        let phrases = [
            up(&st.transitions),
            up(&st.formula),
            up(&st.annex_markers),
            up(&st.document_types),
            up(&st.outcome_document_types),
            up(&st.register_names),
        ];
        let mut first_words: Vec<(String, String, usize)> = Vec::new();
        for (i, v) in verbs.iter().enumerate() {
            let Some(Part::Word(w)) = v.parts.first() else {
                continue;
            };
            match first_words.iter_mut().find(|f| &f.0 == w) {
                Some(f)
                    if verbs
                        .get(f.2)
                        .is_some_and(|s| s.parts.len() > v.parts.len()) =>
                {
                    f.2 = i
                }
                Some(_) => {}
                None => first_words.push((w.clone(), crate::text::fold(w), i)),
            }
        }
        Ok(Language {
            phrases,
            first_words,
            code: raw.code,
            name: raw.name,
            structure: raw.structure,
            conventions: raw.conventions,
            verbs,
            by_first_word,
            addressees,
            addressee_connectors: raw.addressees.connectors.iter().map(|s| upper(s)).collect(),
            addressee_skip: raw.addressees.skip.iter().map(|s| upper(s)).collect(),
            adverb_words: raw
                .narrative
                .adverbs
                .iter()
                .map(|p| {
                    crate::text::words(p)
                        .map(|w| upper(w.text))
                        .collect::<Vec<_>>()
                })
                .filter(|w| !w.is_empty())
                .collect(),
            subject_words: {
                let mut v: Vec<Vec<String>> = raw
                    .narrative
                    .subjects
                    .iter()
                    .chain(&raw.narrative.pronouns)
                    .map(|p| {
                        crate::text::words(p)
                            .map(|w| upper(w.text))
                            .collect::<Vec<_>>()
                    })
                    .filter(|w: &Vec<String>| !w.is_empty())
                    .collect();
                v.sort_by_key(|w| std::cmp::Reverse(w.len()));
                v
            },
            relative_words: raw.narrative.relatives.iter().map(|s| upper(s)).collect(),
            subordinator_words: raw
                .narrative
                .subordinators
                .iter()
                .map(|s| upper(s))
                .collect(),
            whatlang: raw.whatlang,
            narrative: raw.narrative,
            kinds: raw.kinds,
            marker_words: raw
                .detection
                .words
                .iter()
                .map(|w| w.to_lowercase())
                .collect(),
        })
    }

    /// True when `line` (trimmed, trailing punctuation ignored) is one of the
    /// language's phrases of that kind.
    pub fn line_is(&self, kind: Phrases, line: &str) -> bool {
        // Final punctuation, and the dash German and Slovenian formulas end with.
        // A leading dash too: "— NIMMT FOLGENDE SCHLUSSFOLGERUNGEN AN:".
        let t = line
            .trim()
            .trim_start_matches(['—', '–', '-'])
            .trim_start()
            .trim_end_matches([',', ':', ';', '.', '—', '–', '-'])
            .trim_end();
        // One list per variant of `Phrases`.
        // `phrases` has one list per variant, so this always finds one.
        let Some(list) = self.phrases.get(kind as usize) else {
            return false;
        };
        // Cheap length filter before upper-casing.
        if !list.iter().any(|p| p.len().abs_diff(t.len()) <= 4) {
            return false;
        }
        let mut t = upper(t);
        if t.contains("  ") {
            // Extraction doubles spaces (`DE RAAD VAN DE  EUROPESE …`).
            t = t.split_whitespace().collect::<Vec<_>>().join(" ");
        }
        list.contains(&t)
    }
}

fn parse_form(form: &str) -> Result<Vec<Part>, String> {
    let mut parts = Vec::new();
    for tok in form.split_whitespace() {
        if tok == "…" || tok == "..." {
            if parts.is_empty() || matches!(parts.last(), Some(Part::Gap)) {
                return Err(format!("misplaced gap in `{form}`"));
            }
            parts.push(Part::Gap);
        } else {
            parts.push(Part::Word(upper(tok)));
        }
    }
    if matches!(parts.last(), Some(Part::Gap) | None) {
        return Err(format!("verb form `{form}` is empty or ends with a gap"));
    }
    Ok(parts)
}

/// Upper case as used for all lexicon comparisons (`ß` → `SS`, `’` → `'`).
pub fn upper(s: &str) -> String {
    // One pass, one allocation: it runs on every form of every pack at
    // start-up and on candidate words while parsing.
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c == '’' {
            out.push('\'');
        } else if c.is_ascii() {
            out.push(c.to_ascii_uppercase());
        } else {
            out.extend(c.to_uppercase().map(crate::text::capital_form));
        }
    }
    out
}

#[cfg(test)]
mod tests;
