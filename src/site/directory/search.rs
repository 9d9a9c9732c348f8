//! The directory's search across every office's services.
//!
//! Six hundred offices' own indexes, each searched in turn, cost a query
//! of common letters 40 ms (each index is cold in the processor's caches
//! by the time its turn comes, and a letter is found in nearly every word
//! of each). So the directory also keeps one index of every office's
//! services, made once ([`Combined`]), where the same text and the same
//! word of many offices are folded and searched once. A search uses it
//! for every office whose charter is the one it was made from, and each
//! other office's own index (an office reloaded since, or added): the
//! ranks of both mean the same ([`Rank`]), so the merged order is the
//! one a single index of them all would give.

use std::collections::HashMap;

use crate::i18n::Lang;
use crate::render::directory::Office;
use crate::render::directory::search::{Found, Outcome};
use crate::render::search::Hit;

use super::super::pages::search_sources;
use super::super::search::{Finds, Query, Rank, SearchIndex, closest_across};
use super::{Listed, MAX_RESULTS};
use crate::site::Site;

/// One index of the services of many offices.
#[derive(Debug)]
pub(super) struct Combined {
    index: SearchIndex,
    /// Each entry's office (by position in `offices`) and service.
    entries: Vec<(usize, usize)>,
    /// The offices indexed, by id: position and the hash of the charter
    /// indexed.
    offices: HashMap<String, (usize, String)>,
}

impl Combined {
    /// The index of every service of `sites`, given with their ids.
    pub(super) fn new(sites: &[(String, std::sync::Arc<Site>)]) -> Combined {
        let mut entries = Vec::new();
        let mut offices = HashMap::new();
        for (n, (id, site)) in sites.iter().enumerate() {
            offices.insert(id.clone(), (n, site.content_hash.clone()));
            entries.extend((0..site.charter.services.len()).map(|s| (n, s)));
        }
        let index = SearchIndex::new(sites.iter().flat_map(|(_, site)| {
            (site.charter.services.iter()).map(|s| search_sources(&site.charter, s))
        }));
        Combined {
            index,
            entries,
            offices,
        }
    }
}

/// Where a service found was found: in the combined index, or in its
/// office's own.
#[derive(Debug, Clone, Copy)]
enum From {
    Combined(Rank),
    Own(Rank),
}

/// What a search of `offices` for `query` found, for a page in `lang`.
pub(super) fn search<'a>(
    combined: Option<&Combined>,
    offices: &'a [Listed],
    views: &[Office<'a>],
    lang: Lang,
    query: &str,
) -> Outcome<'a> {
    let terms = Query::new(query);
    let mut outcome = Outcome::default();
    if terms.is_empty() {
        return outcome;
    }
    // The offices the combined index holds as they are now, by their
    // position there; the others are searched with their own index.
    let mut current: Vec<Option<usize>> = vec![None; combined.map_or(0, |c| c.offices.len())];
    let mut own: Vec<usize> = Vec::new();
    for (i, office) in offices.iter().enumerate() {
        match combined.and_then(|c| c.offices.get(&office.id)) {
            Some((n, hash)) if *hash == office.site.content_hash => current[*n] = Some(i),
            _ => own.push(i),
        }
    }
    let combined_finds = combined.and_then(|c| Some((c, c.index.find(&terms)?)));
    let own_finds: Vec<(usize, Finds)> = (own.iter())
        .filter_map(|&i| Some((i, offices[i].site.search_index().find(&terms)?)))
        .collect();
    // (score, office, service, where) of every service found.
    let mut all: Vec<(u32, usize, usize, From)> = Vec::new();
    if let Some((c, finds)) = &combined_finds {
        for &rank in &finds.ranked {
            let (n, service) = c.entries[rank.entry];
            if let Some(i) = current[n] {
                all.push((rank.score, i, service, From::Combined(rank)));
            }
        }
    }
    for (i, finds) in &own_finds {
        all.extend((finds.ranked.iter()).map(|&r| (r.score, *i, r.entry, From::Own(r))));
    }
    outcome.total = all.len();
    let mut found_in = vec![false; offices.len()];
    for &(_, i, ..) in &all {
        found_in[i] = true;
    }
    outcome.offices = found_in.iter().filter(|&&f| f).count();
    let key = |&(score, i, service, _): &(u32, usize, usize, From)| (score, i, service);
    if all.len() > MAX_RESULTS {
        all.select_nth_unstable_by_key(MAX_RESULTS, key);
        all.truncate(MAX_RESULTS);
    }
    all.sort_unstable_by_key(key);
    outcome.hits = (all.into_iter())
        .map(|(_, i, service, from)| {
            let hit = match from {
                From::Combined(rank) => {
                    let (c, finds) = combined_finds.as_ref().expect("found there");
                    c.index.hit(finds, rank, &terms, lang)
                }
                From::Own(rank) => {
                    let (_, finds) = (own_finds.iter())
                        .find(|(o, _)| *o == i)
                        .expect("found there");
                    offices[i]
                        .site
                        .search_index()
                        .hit(finds, rank, &terms, lang)
                }
            };
            Found {
                office: views[i],
                hit: Hit {
                    service: &views[i].charter.services[service],
                    marked: hit.marked,
                },
            }
        })
        .collect();
    if outcome.total == 0 {
        outcome.closest = closest(combined, &current, offices, &own, &terms)
            .into_iter()
            .map(|(i, service)| (views[i], &views[i].charter.services[service]))
            .collect();
    }
    outcome
}

/// The services of `offices` whose names come closest to `terms`, as
/// (office, service).
fn closest(
    combined: Option<&Combined>,
    current: &[Option<usize>],
    offices: &[Listed],
    own: &[usize],
    terms: &Query,
) -> Vec<(usize, usize)> {
    let mut indexes: Vec<&SearchIndex> = combined.iter().map(|c| &c.index).collect();
    let first_own = indexes.len();
    indexes.extend(own.iter().map(|&i| offices[i].site.search_index()));
    // The combined index's entries of offices no longer listed, or
    // changed since, are not offered.
    let keep = |index: usize, entry: usize| match combined {
        Some(c) if index < first_own => current[c.entries[entry].0].is_some(),
        _ => true,
    };
    closest_across(&indexes, terms, keep)
        .into_iter()
        .map(|(index, entry)| match combined {
            Some(c) if index < first_own => {
                let (n, service) = c.entries[entry];
                (current[n].expect("kept"), service)
            }
            _ => (own[index - first_own], entry),
        })
        .collect()
}
