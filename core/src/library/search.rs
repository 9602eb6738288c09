//! Finding exercises by words and filters.
//!
//! The index folds case and accents, forgives small typos ("hamstrng"),
//! matches word beginnings ("stre" finds "stretch") and ranks a hit in the
//! name above one in the aliases, tags, regions or purpose. It is built once
//! per library change and answers a query over 10,000 exercises well under a
//! millisecond (see `benches/search.rs`).

use super::{Category, Difficulty, Equipment, Exercise, Library, Position, Region};
use crate::text::fold;
use std::collections::HashMap;

/// What equipment the therapist wants to filter on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EquipmentFilter {
    /// Only exercises that need nothing.
    Nothing,
    /// Only exercises that use this.
    Uses(Equipment),
}

/// "none" (or "nothing") for exercises that need nothing; otherwise a
/// piece of equipment by name.
impl std::str::FromStr for EquipmentFilter {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        if matches!(text.trim().to_lowercase().as_str(), "none" | "nothing") {
            return Ok(Self::Nothing);
        }
        text.parse().map(Self::Uses)
    }
}

/// Narrows a search; `None` means any.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Filters {
    /// Kind of exercise.
    pub category: Option<Category>,
    /// Body part it works on.
    pub region: Option<Region>,
    /// Starting position.
    pub position: Option<Position>,
    /// Equipment needed.
    pub equipment: Option<EquipmentFilter>,
    /// How hard.
    pub difficulty: Option<Difficulty>,
}

/// The parts of an exercise that filters look at.
#[derive(Debug, Clone)]
struct Facet {
    category: Category,
    regions: Vec<Region>,
    position: Position,
    equipment: Vec<Equipment>,
    difficulty: Difficulty,
}

impl From<&Exercise> for Facet {
    fn from(exercise: &Exercise) -> Self {
        Self {
            category: exercise.category,
            regions: exercise.regions.clone(),
            position: exercise.position,
            equipment: exercise.equipment.clone(),
            difficulty: exercise.difficulty,
        }
    }
}

impl Filters {
    /// True when `exercise` passes every filter that is set.
    pub fn accepts(&self, exercise: &Exercise) -> bool {
        self.accept(&Facet::from(exercise))
    }

    fn accept(&self, exercise: &Facet) -> bool {
        self.category.is_none_or(|c| exercise.category == c)
            && self.region.is_none_or(|r| exercise.regions.contains(&r))
            && self.position.is_none_or(|p| exercise.position == p)
            && self.difficulty.is_none_or(|d| exercise.difficulty == d)
            && self.equipment.is_none_or(|e| match e {
                EquipmentFilter::Nothing => exercise.equipment.is_empty(),
                EquipmentFilter::Uses(item) => exercise.equipment.contains(&item),
            })
    }

    /// True when no filter is set.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// How much a word found in each field counts.
mod weight {
    pub const NAME: f32 = 10.0;
    pub const ALIAS: f32 = 8.0;
    pub const TAG: f32 = 5.0;
    pub const REGION: f32 = 4.0;
    pub const CATEGORY: f32 = 3.0;
    pub const PURPOSE: f32 = 2.0;
    /// Added when the whole query appears in the name.
    pub const PHRASE_IN_NAME: f32 = 6.0;
    /// Added when the name starts with the whole query.
    pub const NAME_STARTS_WITH: f32 = 4.0;
    /// Added when another name contains the whole query.
    pub const PHRASE_IN_ALIAS: f32 = 5.0;
}

/// How well a query word matches an indexed word.
mod quality {
    pub const EXACT: f32 = 1.0;
    pub const PREFIX: f32 = 0.8;
    pub const ONE_TYPO: f32 = 0.6;
    pub const TWO_TYPOS: f32 = 0.4;
}

/// Words too common to help, in English and Spanish.
const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "for", "in", "of", "on", "or", "the", "to", "with", "you", "your", "con",
    "de", "del", "el", "en", "la", "las", "los", "su", "sus", "y",
];

fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect::<Vec<_>>()
        .into_iter()
}

/// A prepared, fast view of a library for searching.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    /// Every distinct indexed word, sorted, so word beginnings are found by
    /// binary search.
    vocabulary: Vec<String>,
    /// For each word, the exercises it occurs in and its best field weight.
    postings: Vec<Vec<(u32, f32)>>,
    /// Folded names, for phrase bonuses.
    names: Vec<String>,
    /// Folded other names, one per line, for phrase bonuses.
    aliases: Vec<String>,
    /// Each exercise's place in name order, to break ties cheaply.
    name_rank: Vec<u32>,
    /// Exercise positions sorted by name, the order of an empty query.
    alphabetical: Vec<u32>,
    /// Filter data per exercise.
    facets: Vec<Facet>,
}

impl SearchIndex {
    /// Indexes every exercise in `library`.
    pub fn build(library: &Library) -> Self {
        let mut words_of: HashMap<String, Vec<(u32, f32)>> = HashMap::new();
        let mut index = Self::default();
        for (position, exercise) in library.exercises().iter().enumerate() {
            let position = position as u32;
            let mut add = |text: &str, weight: f32| {
                for word in words(text) {
                    if STOP_WORDS.contains(&word.as_str()) {
                        continue;
                    }
                    let list = words_of.entry(word).or_default();
                    match list.last_mut() {
                        Some((last, best)) if *last == position => *best = best.max(weight),
                        _ => list.push((position, weight)),
                    }
                }
            };
            add(&exercise.name, weight::NAME);
            add(exercise.id.as_str(), weight::NAME);
            for alias in &exercise.aliases {
                add(alias, weight::ALIAS);
            }
            for tag in &exercise.tags {
                add(tag, weight::TAG);
            }
            for region in &exercise.regions {
                add(region.label(), weight::REGION);
            }
            add(exercise.category.label(), weight::CATEGORY);
            add(&exercise.purpose, weight::PURPOSE);
            // Its names in other languages find it too ("puente", "bridge").
            let mut other_names = exercise.aliases.clone();
            for text in exercise.translations.values() {
                add(&text.name, weight::NAME);
                for alias in &text.aliases {
                    add(alias, weight::ALIAS);
                }
                add(&text.purpose, weight::PURPOSE);
                other_names.push(text.name.clone());
                other_names.extend(text.aliases.iter().cloned());
            }
            index.names.push(fold(&exercise.name));
            index.aliases.push(fold(&other_names.join("\n")));
        }
        let mut entries: Vec<(String, Vec<(u32, f32)>)> = words_of.into_iter().collect();
        entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        (index.vocabulary, index.postings) = entries.into_iter().unzip();
        index.facets = library.exercises().iter().map(Facet::from).collect();
        let mut alphabetical: Vec<u32> = (0..index.names.len() as u32).collect();
        alphabetical.sort_by(|&a, &b| index.names[a as usize].cmp(&index.names[b as usize]));
        index.name_rank = vec![0; alphabetical.len()];
        for (rank, &position) in alphabetical.iter().enumerate() {
            index.name_rank[position as usize] = rank as u32;
        }
        index.alphabetical = alphabetical;
        index
    }

    /// Number of indexed exercises.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// True when nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// Indexed words matching a typed word, with how well each matches.
    ///
    /// Exact words and word beginnings come from a binary search. Only when
    /// there are none is the vocabulary scanned for typos, so "clam" finds
    /// the clamshell, not "calm" and "calf".
    fn matching_terms(&self, word: &str, terms: &mut Vec<(usize, f32)>, scratch: &mut Distance) {
        terms.clear();
        let start = self.vocabulary.partition_point(|term| term.as_str() < word);
        for (offset, term) in self.vocabulary[start..].iter().enumerate() {
            if term == word {
                terms.push((start + offset, quality::EXACT));
            } else if word.len() >= 2 && term.starts_with(word) {
                terms.push((start + offset, quality::PREFIX));
            } else {
                break;
            }
        }
        if !terms.is_empty() {
            return;
        }
        let length = word.chars().count();
        let allowed = match length {
            0..=3 => return,
            4..=7 => 1,
            _ => 2,
        };
        scratch.set_word(word);
        for (term_index, term) in self.vocabulary.iter().enumerate() {
            // Numbers and far shorter words cannot be a typo of this word.
            if term.len() + allowed < length || term.bytes().all(|b| b.is_ascii_digit()) {
                continue;
            }
            if let Some(distance) = scratch.measure(term, allowed) {
                let quality = if distance <= 1 {
                    quality::ONE_TYPO
                } else {
                    quality::TWO_TYPOS
                };
                terms.push((term_index, quality));
            }
        }
    }

    /// Positions in the library's exercise list, best match first.
    ///
    /// Every word of the query must match; when no exercise matches them
    /// all, exercises matching most of them are returned instead, so a
    /// query with one odd word still finds something.
    pub fn search(&self, query: &str, filters: &Filters) -> Vec<usize> {
        let mut query_words: Vec<String> = words(query).collect();
        let meaningful: Vec<String> = query_words
            .iter()
            .filter(|w| !STOP_WORDS.contains(&w.as_str()))
            .cloned()
            .collect();
        if !meaningful.is_empty() {
            query_words = meaningful;
        }
        if query_words.is_empty() {
            return self
                .alphabetical
                .iter()
                .map(|&p| p as usize)
                .filter(|&p| filters.accept(&self.facets[p]))
                .collect();
        }

        let n = self.names.len();
        let mut total = vec![0.0f32; n];
        let mut matched = vec![0u16; n];
        let mut best = vec![0.0f32; n];
        let mut touched: Vec<u32> = Vec::new();
        let mut terms: Vec<(usize, f32)> = Vec::new();
        let mut scratch = Distance::default();
        for word in &query_words {
            touched.clear();
            self.matching_terms(word, &mut terms, &mut scratch);
            for &(term, quality) in &terms {
                for &(position, weight) in &self.postings[term] {
                    let slot = &mut best[position as usize];
                    if *slot == 0.0 {
                        touched.push(position);
                    }
                    *slot = slot.max(weight * quality);
                }
            }
            for &position in &touched {
                let p = position as usize;
                total[p] += best[p];
                matched[p] += 1;
                best[p] = 0.0;
            }
        }

        let phrase = query_words.join(" ");
        let several_words = query_words.len() > 1;
        let most = matched.iter().copied().max().unwrap_or(0);
        if most == 0 {
            return Vec::new();
        }
        // One integer per hit: higher score first, then name order. Scores
        // are positive, so their bit patterns sort like the numbers.
        let mut keys: Vec<u64> = (0..n)
            .filter(|&p| matched[p] == most && filters.accept(&self.facets[p]))
            .map(|p| {
                let mut score = total[p];
                if several_words {
                    // A single word in a name or alias is already scored by
                    // its field; a phrase earns extra when it appears whole.
                    match self.names[p].find(&phrase) {
                        Some(0) => score += weight::PHRASE_IN_NAME + weight::NAME_STARTS_WITH,
                        Some(_) => score += weight::PHRASE_IN_NAME,
                        None if self.aliases[p].contains(&phrase) => {
                            score += weight::PHRASE_IN_ALIAS;
                        }
                        None => {}
                    }
                } else if self.names[p].starts_with(&phrase) {
                    score += weight::NAME_STARTS_WITH;
                }
                (u64::from(!score.to_bits()) << 32) | u64::from(self.name_rank[p])
            })
            .collect();
        keys.sort_unstable();
        keys.into_iter()
            .map(|key| self.alphabetical[(key & 0xffff_ffff) as usize] as usize)
            .collect()
    }
}

/// Edit distance (with swaps of neighbours counted as one edit), bounded,
/// reusing its buffers so scanning thousands of words allocates nothing.
#[derive(Debug, Default)]
struct Distance {
    word: Vec<char>,
    term: Vec<char>,
    rows: [Vec<usize>; 3],
}

impl Distance {
    fn set_word(&mut self, word: &str) {
        self.word.clear();
        self.word.extend(word.chars());
    }

    /// Distance from the word to `term` or to a start of `term` about as
    /// long as the word (so "strech" still finds "stretching"), if at most
    /// `limit`.
    fn measure(&mut self, term: &str, limit: usize) -> Option<usize> {
        self.term.clear();
        self.term.extend(term.chars());
        let mut best = self.bounded(self.term.len(), limit);
        let shortest = self.word.len().saturating_sub(limit).max(1);
        let longest = (self.word.len() + limit).min(self.term.len().saturating_sub(1));
        for length in shortest..=longest {
            if let Some(distance) = self.bounded(length, limit) {
                best = Some(best.map_or(distance, |b: usize| b.min(distance)));
            }
        }
        best
    }

    /// Distance from the word to the first `length` characters of the term.
    fn bounded(&mut self, length: usize, limit: usize) -> Option<usize> {
        let (a, b) = (&self.word, &self.term[..length]);
        if a.len().abs_diff(b.len()) > limit {
            return None;
        }
        let width = b.len() + 1;
        for row in &mut self.rows {
            row.clear();
            row.resize(width, 0);
        }
        for (j, cell) in self.rows[0].iter_mut().enumerate() {
            *cell = j;
        }
        for i in 1..=a.len() {
            let (cur, prev, prev2) = (i % 3, (i + 2) % 3, (i + 1) % 3);
            self.rows[cur][0] = i;
            let mut row_min = i;
            for j in 1..=b.len() {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                let mut value = (self.rows[prev][j] + 1)
                    .min(self.rows[cur][j - 1] + 1)
                    .min(self.rows[prev][j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    value = value.min(self.rows[prev2][j - 2] + 1);
                }
                self.rows[cur][j] = value;
                row_min = row_min.min(value);
            }
            if row_min > limit {
                return None;
            }
        }
        let distance = self.rows[a.len() % 3][b.len()];
        (distance <= limit).then_some(distance)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::ExerciseId;

    fn top(query: &str, filters: &Filters) -> Vec<String> {
        let library = Library::builtin();
        let index = SearchIndex::build(library);
        index
            .search(query, filters)
            .into_iter()
            .map(|p| library.exercises()[p].id.to_string())
            .collect()
    }

    #[test]
    fn name_matches_rank_first() {
        assert_eq!(top("bridge", &Filters::default())[0], "bridge");
        assert_eq!(top("bird dog", &Filters::default())[0], "bird-dog");
        assert_eq!(top("plank", &Filters::default())[..2].len(), 2);
    }

    #[test]
    fn case_accents_and_typos_are_forgiven() {
        assert_eq!(top("BRÏDGE", &Filters::default())[0], "bridge");
        assert_eq!(top("brdige", &Filters::default())[0], "bridge");
        assert!(
            top("hamstrng", &Filters::default())
                .iter()
                .any(|id| id.starts_with("hamstring"))
        );
        assert_eq!(
            top("piriformus", &Filters::default())[0],
            "piriformis-stretch"
        );
    }

    #[test]
    fn prefixes_find_whole_words() {
        let found = top("knee to ch", &Filters::default());
        assert!(
            found[..2].contains(&"single-knee-to-chest".to_string()),
            "{found:?}"
        );
        assert!(
            found[..2].contains(&"double-knee-to-chest".to_string()),
            "{found:?}"
        );
    }

    #[test]
    fn names_and_aliases_in_another_language_find_the_exercise() {
        let mut library = Library::default();
        let mut mine = Library::builtin()
            .get(&ExerciseId::new("bridge"))
            .unwrap()
            .clone();
        mine.id = ExerciseId::new("my-lift");
        mine.name = "Hip lift on a step".into();
        mine.translations.insert(
            "es".into(),
            crate::library::ExerciseText {
                name: "Puente en un escalón".into(),
                aliases: vec!["Elevación de cadera".into()],
                ..Default::default()
            },
        );
        library.add_custom(mine);
        let index = SearchIndex::build(&library);
        for query in ["puente", "ESCALON", "elevacion cadera", "hip lift"] {
            assert_eq!(index.search(query, &Filters::default()), [0], "{query}");
        }
    }

    #[test]
    fn aliases_find_their_exercise() {
        assert!(top("superman", &Filters::default()).contains(&"back-extension-prone".to_string()));
        assert_eq!(top("chair stand", &Filters::default())[0], "sit-to-stand");
    }

    #[test]
    fn a_word_typed_right_does_not_drag_in_look_alikes() {
        assert_eq!(top("clam", &Filters::default()), vec!["clamshell"]);
    }

    #[test]
    fn filters_narrow_results() {
        let filters = Filters {
            category: Some(Category::Strengthen),
            position: Some(Position::HandsAndKnees),
            ..Filters::default()
        };
        let found = top("", &filters);
        assert!(found.contains(&"bird-dog".to_string()));
        let library = Library::builtin();
        for id in &found {
            let exercise = library.get(&ExerciseId::new(id.as_str())).unwrap();
            assert_eq!(exercise.category, Category::Strengthen);
            assert_eq!(exercise.position, Position::HandsAndKnees);
        }
        let nothing = Filters {
            equipment: Some(EquipmentFilter::Nothing),
            ..Filters::default()
        };
        for id in top("", &nothing) {
            assert!(
                library
                    .get(&ExerciseId::new(id))
                    .unwrap()
                    .equipment
                    .is_empty()
            );
        }
    }

    #[test]
    fn empty_query_lists_everything_by_name() {
        let library = Library::builtin();
        let found = top("", &Filters::default());
        assert_eq!(found.len(), library.len());
        let names: Vec<String> = found
            .iter()
            .map(|id| fold(&library.get(&ExerciseId::new(id.as_str())).unwrap().name))
            .collect();
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted);
    }

    #[test]
    fn nonsense_finds_nothing() {
        assert!(top("xylophone", &Filters::default()).is_empty());
    }

    fn distance(a: &str, b: &str, limit: usize) -> Option<usize> {
        let mut scratch = Distance::default();
        scratch.set_word(a);
        scratch.measure(b, limit)
    }

    #[test]
    fn distance_counts_swaps_as_one() {
        assert_eq!(distance("brdige", "bridge", 2), Some(1));
        // "sittin", a start of "sitting", is two edits from "kitten".
        assert_eq!(distance("kitten", "sitting", 3), Some(2));
        assert_eq!(distance("hamstrng", "hamstrings", 2), Some(1));
        assert_eq!(distance("abc", "xyz", 1), None);
        assert_eq!(distance("strech", "stretching", 1), Some(1));
    }
}
