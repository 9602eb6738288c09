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

/// Words too common to help.
const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "for", "in", "of", "on", "or", "the", "to", "with", "you", "your",
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
    /// Every distinct indexed word.
    vocabulary: Vec<String>,
    /// For each word, the exercises it occurs in and its best field weight.
    postings: Vec<Vec<(u32, f32)>>,
    /// Folded names, for phrase bonuses.
    names: Vec<String>,
    /// Folded other names, for phrase bonuses.
    aliases: Vec<Vec<String>>,
    /// Exercise positions sorted by name, the order of an empty query.
    alphabetical: Vec<u32>,
    /// Filter data per exercise.
    facets: Vec<Facet>,
}

impl SearchIndex {
    /// Indexes every exercise in `library`.
    pub fn build(library: &Library) -> Self {
        let mut ids: HashMap<String, usize> = HashMap::new();
        let mut index = Self::default();
        for (position, exercise) in library.exercises().iter().enumerate() {
            let position = position as u32;
            let mut add = |text: &str, weight: f32| {
                for word in words(text) {
                    if STOP_WORDS.contains(&word.as_str()) {
                        continue;
                    }
                    let id = *ids.entry(word.clone()).or_insert_with(|| {
                        index.vocabulary.push(word);
                        index.postings.push(Vec::new());
                        index.vocabulary.len() - 1
                    });
                    let list = &mut index.postings[id];
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
            index.names.push(fold(&exercise.name));
            index
                .aliases
                .push(exercise.aliases.iter().map(|a| fold(a)).collect());
        }
        index.facets = library.exercises().iter().map(Facet::from).collect();
        let mut alphabetical: Vec<u32> = (0..index.names.len() as u32).collect();
        alphabetical.sort_by(|&a, &b| index.names[a as usize].cmp(&index.names[b as usize]));
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
        for word in &query_words {
            touched.clear();
            terms.clear();
            terms.extend(
                self.vocabulary
                    .iter()
                    .enumerate()
                    .filter_map(|(term, text)| Some((term, match_quality(word, text)?))),
            );
            // A typo match only counts when the word matches nothing as
            // typed: "clam" finds the clamshell, not "calm" and "calf".
            if terms.iter().any(|&(_, quality)| quality >= quality::PREFIX) {
                terms.retain(|&(_, quality)| quality >= quality::PREFIX);
            }
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
        let most = matched.iter().copied().max().unwrap_or(0);
        if most == 0 {
            return Vec::new();
        }
        let mut hits: Vec<(usize, f32)> = (0..n)
            .filter(|&p| matched[p] == most && filters.accept(&self.facets[p]))
            .map(|p| {
                let name = &self.names[p];
                let mut score = total[p];
                if name.contains(&phrase) {
                    score += weight::PHRASE_IN_NAME;
                }
                if name.starts_with(&phrase) {
                    score += weight::NAME_STARTS_WITH;
                }
                if self.aliases[p].iter().any(|alias| alias.contains(&phrase)) {
                    score += weight::PHRASE_IN_ALIAS;
                }
                (p, score)
            })
            .collect();
        hits.sort_by(|a, b| {
            b.1.total_cmp(&a.1)
                .then_with(|| self.names[a.0].cmp(&self.names[b.0]))
        });
        hits.into_iter().map(|(p, _)| p).collect()
    }
}

/// How well `word` (typed) matches `term` (indexed), if at all.
fn match_quality(word: &str, term: &str) -> Option<f32> {
    if word == term {
        return Some(quality::EXACT);
    }
    if word.len() >= 2 && term.starts_with(word) {
        return Some(quality::PREFIX);
    }
    let allowed = match word.chars().count() {
        0..=3 => return None,
        4..=7 => 1,
        _ => 2,
    };
    // Compare against the term, and against its start so "stretc" with a
    // typo still finds "stretching".
    let length = word.chars().count();
    let start: String = term.chars().take(length).collect();
    let distance = bounded_distance(word, term, allowed).or_else(|| {
        (term.chars().count() > length)
            .then(|| bounded_distance(word, &start, allowed))
            .flatten()
    })?;
    Some(if distance <= 1 {
        quality::ONE_TYPO
    } else {
        quality::TWO_TYPOS
    })
}

/// Edit distance (with swaps of neighbours) if it is at most `limit`.
fn bounded_distance(a: &str, b: &str, limit: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    let width = b.len() + 1;
    let mut rows = vec![vec![0usize; width]; 3];
    for (j, cell) in rows[1].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        let (cur, prev, prev2) = (i % 3, (i + 2) % 3, (i + 1) % 3);
        rows[cur][0] = i;
        let mut row_min = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut value = (rows[prev][j] + 1)
                .min(rows[cur][j - 1] + 1)
                .min(rows[prev][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                value = value.min(rows[prev2][j - 2] + 1);
            }
            rows[cur][j] = value;
            row_min = row_min.min(value);
        }
        if row_min > limit {
            return None;
        }
    }
    let distance = rows[a.len() % 3][b.len()];
    (distance <= limit).then_some(distance)
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

    #[test]
    fn distance_counts_swaps_as_one() {
        assert_eq!(bounded_distance("brdige", "bridge", 2), Some(1));
        assert_eq!(bounded_distance("kitten", "sitting", 3), Some(3));
        assert_eq!(bounded_distance("abc", "xyz", 1), None);
    }
}
