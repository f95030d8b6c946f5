//! Word's automatic numbering: `numbering.xml` (abstract lists, their levels
//! and the list instances that use them) and `styles.xml` (paragraph styles
//! that carry a list or an outline level, through `basedOn`). The labels are
//! not in the text: they are rendered here as Word shows them, with counters
//! per abstract list, deeper levels restarting under a new higher item, and
//! `startOverride` restarting an instance.

use super::xml::{attr, local, Ev, Xml};
use super::DocxError;
use std::collections::HashMap;

/// One level of an abstract list.
#[derive(Debug, Clone, Default)]
struct Level {
    start: u32,
    format: String,
    text: String,
    /// `lvlRestart`: 0 means never restart; `None` restarts under any
    /// higher level.
    restart: Option<u32>,
    /// `isLgl`: every number of the label shown in decimal.
    legal: bool,
    /// The paragraph style bound to this level (`w:pStyle` inside `w:lvl`).
    style: Option<String>,
}

#[derive(Debug, Clone, Default)]
struct Instance {
    abstract_id: String,
    /// Level → start override.
    start_override: HashMap<u8, u32>,
    /// Level → full level override.
    level_override: HashMap<u8, Level>,
}

/// A paragraph style as far as numbering and headings care.
#[derive(Debug, Clone, Default)]
struct Style {
    based_on: Option<String>,
    num_id: Option<String>,
    ilvl: Option<u8>,
    outline: Option<u8>,
    name: String,
}

/// Numbering definitions, styles and the running counters.
#[derive(Debug, Default)]
pub struct Numbering {
    abstracts: HashMap<String, Vec<Level>>,
    instances: HashMap<String, Instance>,
    styles: HashMap<String, Style>,
    /// Counters per abstract list, one per level (`None` = not started).
    counters: HashMap<String, [Option<u32>; 9]>,
    /// Instances whose start overrides have been applied.
    overridden: std::collections::HashSet<String>,
}

/// What a paragraph's properties say about numbering.
#[derive(Debug, Clone, Default)]
pub struct ParaProps {
    pub style: Option<String>,
    pub num_id: Option<String>,
    pub ilvl: Option<u8>,
    pub outline: Option<u8>,
}

impl Numbering {
    /// Reads `numbering.xml` and `styles.xml` (either may be absent).
    pub fn read(
        file: &str,
        numbering: Option<&str>,
        styles: Option<&str>,
    ) -> Result<Self, DocxError> {
        let mut n = Numbering::default();
        if let Some(text) = numbering {
            n.read_numbering(&mut Xml::new(file, "word/numbering.xml", text))?;
        }
        if let Some(text) = styles {
            n.read_styles(&mut Xml::new(file, "word/styles.xml", text))?;
        }
        Ok(n)
    }

    fn read_numbering(&mut self, x: &mut Xml) -> Result<(), DocxError> {
        // The element being read: an abstract list (id) or an instance (id).
        let mut abstract_id: Option<String> = None;
        let mut instance: Option<(String, Instance)> = None;
        let mut level: Option<(u8, Level)> = None;
        let mut override_level: Option<u8> = None;
        loop {
            match x.next()? {
                Ev::Eof => return Ok(()),
                Ev::Start(e) => match local(&e) {
                    b"abstractNum" => {
                        let id = attr(&e, b"abstractNumId").unwrap_or_default();
                        self.abstracts.entry(id.clone()).or_default();
                        abstract_id = Some(id);
                    }
                    b"num" => {
                        let id = attr(&e, b"numId").unwrap_or_default();
                        instance = Some((id, Instance::default()));
                    }
                    b"abstractNumId" => {
                        if let Some((_, i)) = instance.as_mut() {
                            i.abstract_id = attr(&e, b"val").unwrap_or_default();
                        }
                    }
                    b"lvlOverride" => override_level = ilvl_of(&e),
                    b"startOverride" => {
                        if let (Some((_, i)), Some(l)) = (instance.as_mut(), override_level) {
                            let v = number(&e).unwrap_or(0);
                            i.start_override.insert(l, v);
                        }
                    }
                    b"lvl" => {
                        let l = ilvl_of(&e).unwrap_or(0);
                        level = Some((
                            l,
                            Level {
                                start: 1,
                                format: "decimal".into(),
                                ..Level::default()
                            },
                        ));
                    }
                    b"start" => set(&mut level, |l| l.start = number(&e).unwrap_or(1)),
                    b"numFmt" => set(&mut level, |l| {
                        l.format = attr(&e, b"val").unwrap_or_default()
                    }),
                    b"lvlText" => set(&mut level, |l| {
                        l.text = attr(&e, b"val").unwrap_or_default()
                    }),
                    b"lvlRestart" => set(&mut level, |l| l.restart = number(&e)),
                    b"isLgl" => set(&mut level, |l| l.legal = super::xml::on(&e)),
                    b"pStyle" => set(&mut level, |l| l.style = attr(&e, b"val")),
                    // Run and paragraph properties of a level: no text there.
                    b"rPr" | b"pPr" => x.skip(&e)?,
                    _ => {}
                },
                Ev::End(name) => match name.as_slice() {
                    b"lvl" => {
                        if let Some((l, lvl)) = level.take() {
                            if let Some((_, i)) = instance.as_mut() {
                                i.level_override.insert(l, lvl);
                            } else if let Some(id) = &abstract_id {
                                let levels = self.abstracts.entry(id.clone()).or_default();
                                let at = usize::from(l);
                                if levels.len() <= at {
                                    levels.resize(at + 1, Level::default());
                                }
                                if let Some(slot) = levels.get_mut(at) {
                                    *slot = lvl;
                                }
                            }
                        }
                    }
                    b"abstractNum" => abstract_id = None,
                    b"num" => {
                        if let Some((id, i)) = instance.take() {
                            self.instances.insert(id, i);
                        }
                    }
                    b"lvlOverride" => override_level = None,
                    _ => {}
                },
                Ev::Text(_) => {}
            }
        }
    }

    fn read_styles(&mut self, x: &mut Xml) -> Result<(), DocxError> {
        let mut current: Option<(String, Style)> = None;
        loop {
            match x.next()? {
                Ev::Eof => return Ok(()),
                Ev::Start(e) => match local(&e) {
                    b"style" => {
                        let paragraph = attr(&e, b"type").is_none_or(|t| t == "paragraph");
                        if paragraph {
                            current =
                                Some((attr(&e, b"styleId").unwrap_or_default(), Style::default()));
                        } else {
                            x.skip(&e)?;
                        }
                    }
                    b"name" => set_style(&mut current, |s| {
                        s.name = attr(&e, b"val").unwrap_or_default()
                    }),
                    b"basedOn" => set_style(&mut current, |s| s.based_on = attr(&e, b"val")),
                    b"numId" => set_style(&mut current, |s| s.num_id = attr(&e, b"val")),
                    b"ilvl" => set_style(&mut current, |s| {
                        s.ilvl = number(&e).and_then(|v| u8::try_from(v).ok())
                    }),
                    b"outlineLvl" => set_style(&mut current, |s| {
                        s.outline = number(&e).and_then(|v| u8::try_from(v).ok())
                    }),
                    b"rPr" | b"tblPr" | b"tcPr" | b"trPr" | b"tblStylePr" => x.skip(&e)?,
                    _ => {}
                },
                Ev::End(name) if name == b"style" => {
                    if let Some((id, s)) = current.take() {
                        self.styles.insert(id, s);
                    }
                }
                _ => {}
            }
        }
    }

    /// Walks a style's `basedOn` chain (cycles cut after a few steps).
    fn style_chain(&self, id: &str) -> Vec<&Style> {
        let mut out = Vec::new();
        let mut next = Some(id.to_string());
        while let Some(id) = next.take() {
            if out.len() > 16 {
                break;
            }
            if let Some(s) = self.styles.get(&id) {
                next = s.based_on.clone();
                out.push(s);
            }
        }
        out
    }

    /// The outline level of a paragraph (direct or through its style), or
    /// a heading style by name: a heading's text is what findings are "under".
    pub fn is_heading(&self, p: &ParaProps) -> bool {
        if p.outline.is_some_and(|l| l < 9) {
            return true;
        }
        let Some(style) = &p.style else { return false };
        self.style_chain(style).iter().any(|s| {
            let name = s.name.to_lowercase();
            s.outline.is_some_and(|l| l < 9) || name.starts_with("heading") || name == "title"
        })
    }

    /// The label Word shows before a paragraph, advancing the counters; `None`
    /// for an unnumbered paragraph.
    pub fn label(&mut self, p: &ParaProps) -> Option<String> {
        let (num_id, ilvl) = self.resolve(p)?;
        let instance = self.instances.get(&num_id)?.clone();
        let abs_id = instance.abstract_id.clone();
        let levels = self.levels(&instance);
        let l = usize::from(ilvl.min(8));
        let level = levels.get(l)?.clone();
        let counters = self.counters.entry(abs_id).or_insert([None; 9]);
        // A list instance with start overrides restarts where it first appears.
        if !instance.start_override.is_empty() && self.overridden.insert(num_id.clone()) {
            for (&ol, &start) in &instance.start_override {
                if let Some(c) = counters.get_mut(usize::from(ol)) {
                    *c = Some(start.saturating_sub(1));
                }
            }
        }
        let next = match counters.get(l).copied().flatten() {
            Some(v) => v.saturating_add(1),
            None => level.start,
        };
        if let Some(c) = counters.get_mut(l) {
            *c = Some(next);
        }
        for (deeper, c) in counters.iter_mut().enumerate().skip(l + 1) {
            let restart = levels.get(deeper).and_then(|lv| lv.restart);
            // lvlRestart n: restart after a level-(n-1) item; 0: never.
            let restarts = match restart {
                None => true,
                Some(0) => false,
                Some(n) => (n as usize) > l,
            };
            if restarts {
                *c = None;
            }
        }
        let counters = *counters;
        Some(render(&level, &levels, &counters))
    }

    /// The list and level of a paragraph: its own `numPr`, else its style's.
    fn resolve(&self, p: &ParaProps) -> Option<(String, u8)> {
        let mut num_id = p.num_id.clone();
        let mut ilvl = p.ilvl;
        if let Some(style) = &p.style {
            for s in self.style_chain(style) {
                if num_id.is_none() {
                    num_id = s.num_id.clone();
                }
                if ilvl.is_none() {
                    ilvl = s.ilvl;
                }
            }
        }
        let num_id = num_id.filter(|n| n != "0")?;
        let ilvl = match ilvl {
            Some(l) => l,
            // A style-linked list names the level bound to the style.
            None => p
                .style
                .as_ref()
                .and_then(|st| {
                    let inst = self.instances.get(&num_id)?;
                    let levels = self.abstracts.get(&inst.abstract_id)?;
                    levels
                        .iter()
                        .position(|l| l.style.as_deref() == Some(st))
                        .and_then(|i| u8::try_from(i).ok())
                })
                .unwrap_or(0),
        };
        Some((num_id, ilvl))
    }

    fn levels(&self, instance: &Instance) -> Vec<Level> {
        let mut levels = self
            .abstracts
            .get(&instance.abstract_id)
            .cloned()
            .unwrap_or_default();
        for (&l, lvl) in &instance.level_override {
            let at = usize::from(l.min(8));
            if levels.len() <= at {
                levels.resize(at + 1, Level::default());
            }
            if let Some(slot) = levels.get_mut(at) {
                *slot = lvl.clone();
            }
        }
        levels
    }
}

fn set(level: &mut Option<(u8, Level)>, f: impl FnOnce(&mut Level)) {
    if let Some((_, l)) = level.as_mut() {
        f(l);
    }
}

fn set_style(s: &mut Option<(String, Style)>, f: impl FnOnce(&mut Style)) {
    if let Some((_, s)) = s.as_mut() {
        f(s);
    }
}

fn number(e: &quick_xml::events::BytesStart) -> Option<u32> {
    attr(e, b"val")?.trim().parse().ok()
}

fn ilvl_of(e: &quick_xml::events::BytesStart) -> Option<u8> {
    attr(e, b"ilvl")?.trim().parse().ok()
}

/// Fills `%1`…`%9` of a level's text with the counters.
fn render(level: &Level, levels: &[Level], counters: &[Option<u32>; 9]) -> String {
    if level.format == "bullet" {
        return bullet(&level.text);
    }
    if level.format == "none" {
        return level
            .text
            .replace(|c: char| c == '%' || c.is_ascii_digit(), "");
    }
    let mut out = String::new();
    let mut chars = level.text.chars().peekable();
    while let Some(c) = chars.next() {
        let digit = chars.peek().and_then(|d| d.to_digit(10));
        match (c, digit) {
            ('%', Some(d @ 1..=9)) => {
                chars.next();
                let at = (d - 1) as usize;
                let lv = levels.get(at);
                let value = counters
                    .get(at)
                    .copied()
                    .flatten()
                    .unwrap_or_else(|| lv.map_or(1, |l| l.start));
                let format = match lv {
                    _ if level.legal => "decimal",
                    Some(l) => l.format.as_str(),
                    None => "decimal",
                };
                out.push_str(&format_number(value, format));
            }
            _ => out.push(c),
        }
    }
    out
}

/// A bullet as text: Symbol and Wingdings private-use characters become the
/// Unicode bullets they are drawn as.
fn bullet(text: &str) -> String {
    let mapped: String = text
        .chars()
        .map(|c| match c {
            '\u{F0B7}' | '\u{F0A7}' | '\u{F0FC}' | '\u{F0D8}' => '•',
            '\u{F02D}' => '–',
            'o' => '◦',
            c if ('\u{F000}'..='\u{F0FF}').contains(&c) => '•',
            c => c,
        })
        .collect();
    if mapped.trim().is_empty() {
        "•".into()
    } else {
        mapped
    }
}

/// A counter in one of Word's number formats.
pub fn format_number(n: u32, format: &str) -> String {
    match format {
        "lowerLetter" => letters(n, false),
        "upperLetter" => letters(n, true),
        "lowerRoman" => crate::text::roman_numeral(n).to_lowercase(),
        "upperRoman" => crate::text::roman_numeral(n),
        "decimalZero" if n < 10 => format!("0{n}"),
        "ordinal" => format!("{n}."),
        _ => n.to_string(),
    }
}

/// a…z, then aa…zz (Word repeats the letter).
fn letters(n: u32, upper: bool) -> String {
    if n == 0 {
        return "0".into();
    }
    let k = (n - 1) % 26;
    let repeat = ((n - 1) / 26 + 1).min(64) as usize;
    let base = if upper { b'A' } else { b'a' };
    let c = char::from(base + k as u8);
    std::iter::repeat_n(c, repeat).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(format_number(3, "lowerLetter"), "c");
        assert_eq!(format_number(28, "lowerLetter"), "bb");
        assert_eq!(format_number(14, "upperRoman"), "XIV");
        assert_eq!(format_number(4, "lowerRoman"), "iv");
    }

    const NUMBERING: &str = r#"<w:numbering xmlns:w="w">
      <w:abstractNum w:abstractNumId="1">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%3."/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>
      <w:num w:numId="6"><w:abstractNumId w:val="1"/>
        <w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
    </w:numbering>"#;

    fn props(num: &str, ilvl: u8) -> ParaProps {
        ParaProps {
            num_id: Some(num.into()),
            ilvl: Some(ilvl),
            ..ParaProps::default()
        }
    }

    #[test]
    fn levels_count_and_restart() {
        let mut n = Numbering::read("t", Some(NUMBERING), None).unwrap();
        let labels: Vec<String> = [
            (0, "5"),
            (1, "5"),
            (1, "5"),
            (0, "5"),
            (1, "5"),
            (2, "5"),
            (0, "6"),
        ]
        .iter()
        .map(|&(l, id)| n.label(&props(id, l)).unwrap())
        .collect();
        assert_eq!(labels, ["1.", "a)", "b)", "2.", "a)", "2.1.", "1."]);
    }
}
