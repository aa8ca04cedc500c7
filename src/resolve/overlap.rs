//! Overlaps: within a layer, a candidate is kept unless a better one overlaps it. Better means
//! a higher priority (a date or period beats money, money beats a count), then the longer
//! reading ("68 ngày công" is a count, not "68 ngày"), then the earlier. Layers nest: a place
//! may lie inside an organisation's name, an organisation beside a figure.

use crate::model::Kind;
use crate::recognize::{spec, Cand};
use std::collections::BTreeMap;

/// Chooses the candidates of one layer that do not overlap a better one, sorted by position.
pub(crate) fn choose(cands: Vec<Cand>) -> Vec<Cand> {
    // Sort indices, not the candidates themselves.
    let mut order: Vec<usize> = (0..cands.len()).collect();
    order.sort_by(|&i, &j| {
        let (a, b) = (&cands[i], &cands[j]);
        b.prio
            .cmp(&a.prio)
            .then((b.end - b.start).cmp(&(a.end - a.start)))
            .then(a.start.cmp(&b.start))
    });
    // Accepted spans, keyed by start.
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    let mut keep = vec![false; cands.len()];
    for i in order {
        let c = &cands[i];
        let clash = taken
            .range(..c.end)
            .next_back()
            .is_some_and(|(_, &e)| e > c.start);
        if clash {
            continue;
        }
        taken.insert(c.start, c.end);
        keep[i] = !c.block;
    }
    let mut out: Vec<Cand> = cands
        .into_iter()
        .zip(keep)
        .filter_map(|(c, k)| k.then_some(c))
        .collect();
    out.sort_by_key(|c| (c.start, c.end));
    out
}

/// Chooses in every layer, and drops people whose name lies inside a place's ("thành phố Hồ
/// Chí Minh"). The result is sorted by position.
pub(crate) fn choose_all(cands: Vec<Cand>) -> Vec<Cand> {
    let mut layers: [Vec<Cand>; 3] = Default::default();
    for c in cands {
        let layer = if c.block { 0 } else { spec(c.fact.kind).layer };
        layers[layer.min(2)].push(c);
    }
    let [figures, named, places] = layers;
    let places = choose(places);
    let mut named = choose(named);
    named.retain(|c| {
        let i = places.partition_point(|p| p.end <= c.start);
        c.fact.kind != Kind::Person || places.get(i).is_none_or(|p| p.start >= c.end)
    });
    let mut chosen = choose(figures);
    chosen.extend(named);
    chosen.extend(places);
    chosen.sort_by_key(|c| (c.start, c.end));
    chosen
}
