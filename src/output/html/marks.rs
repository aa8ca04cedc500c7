//! The text of a document with its facts marked: spans (in chars, as the JSON gives them)
//! turned into a tree of properly nested marks, which the page renders. Facts that nest (a
//! place inside an organisation) nest; facts that cross are split where they cross, each piece
//! knowing whether it is its fact's first.

/// How deep marks nest: a figure in a place in an organisation is three.
const MAX_DEPTH: usize = 6;

/// A span to mark: chars `start..end` of the text, for the fact numbered `key`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span {
    pub start: usize,
    pub end: usize,
    pub key: usize,
}

/// A piece of the marked text.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Node<'t> {
    /// Text between marks.
    Text(&'t str),
    /// A mark: the fact `key`, whether this is its first piece, and what it holds.
    Mark {
        key: usize,
        first: bool,
        children: Vec<Node<'t>>,
    },
}

/// The text with `spans` marked. Spans that are empty or reach past the text are left out
/// (the caller lists them as not placed).
pub(crate) fn mark<'t>(text: &'t str, spans: &[Span]) -> Vec<Node<'t>> {
    // Byte offsets of the chars the spans name, found in one walk over the text.
    let chars = text.chars().count();
    let mut spans: Vec<Span> = spans
        .iter()
        .copied()
        .filter(|s| s.start < s.end && s.end <= chars)
        .collect();
    let mut cuts: Vec<usize> = spans.iter().flat_map(|s| [s.start, s.end]).collect();
    cuts.push(0);
    cuts.push(chars);
    cuts.sort_unstable();
    cuts.dedup();
    let mut byte_of = Vec::with_capacity(cuts.len());
    let mut next = cuts.iter().peekable();
    for (i, (b, _)) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
        .enumerate()
    {
        while next.peek() == Some(&&i) {
            byte_of.push(b);
            next.next();
        }
    }
    let at = |c: usize| byte_of[cuts.partition_point(|&x| x < c)];
    // Outer spans first: by start, then the longer first.
    spans.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end), s.key));

    // Between two cuts the open spans are fixed: the marks that hold that stretch are those
    // spans, outermost first. Walk the stretches, closing and opening marks as the set changes.
    let mut root: Vec<Node<'t>> = Vec::new();
    // The open marks: (index into `spans`, the children gathered so far, first piece?).
    let mut open: Vec<(usize, Vec<Node<'t>>, bool)> = Vec::new();
    let mut started = vec![false; spans.len()];
    let mut from = 0usize; // the first span that may still start
    let mut active: Vec<usize> = Vec::new();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        active.retain(|&i| spans[i].end > a);
        while from < spans.len() && spans[from].start <= a {
            if spans[from].end > a {
                active.push(from);
            }
            from += 1;
        }
        // Their order in `spans` is outermost first.
        active.sort_unstable();
        // Marks nest at most MAX_DEPTH deep: deeper spans (only a hostile expected file has
        // them) are left unmarked there, so that the pieces stay as many as the cuts allow.
        let wanted = &active[..active.len().min(MAX_DEPTH)];
        // Keep the open marks that are a prefix of the wanted ones; close the rest.
        let keep = open
            .iter()
            .zip(wanted)
            .take_while(|((o, _, _), w)| o == *w)
            .count();
        while open.len() > keep {
            close(&mut open, &mut root, &spans);
        }
        for &i in &wanted[keep..] {
            open.push((i, Vec::new(), !started[i]));
            started[i] = true;
        }
        let piece = Node::Text(&text[at(a)..at(b)]);
        match open.last_mut() {
            Some((_, children, _)) => children.push(piece),
            None => root.push(piece),
        }
    }
    while !open.is_empty() {
        close(&mut open, &mut root, &spans);
    }
    root
}

/// Closes the innermost open mark, adding it to its parent.
fn close<'t>(
    open: &mut Vec<(usize, Vec<Node<'t>>, bool)>,
    root: &mut Vec<Node<'t>>,
    spans: &[Span],
) {
    let Some((i, children, first)) = open.pop() else {
        return;
    };
    let node = Node::Mark {
        key: spans[i].key,
        first,
        children,
    };
    match open.last_mut() {
        Some((_, c, _)) => c.push(node),
        None => root.push(node),
    }
}

/// The top-level nodes cut into chunks of about `lines` lines each, cut only between marks
/// (so that a browser can skip laying out the chunks off screen).
pub(crate) fn chunks<'t>(nodes: Vec<Node<'t>>, lines: usize) -> Vec<Vec<Node<'t>>> {
    let mut out = vec![Vec::new()];
    let mut count = 0usize;
    for node in nodes {
        match node {
            Node::Text(mut t) => {
                // Cut the text after the line that fills the chunk.
                while let Some(cut) = nth_line_end(t, lines.saturating_sub(count)) {
                    let (head, tail) = t.split_at(cut);
                    push(&mut out, Node::Text(head));
                    out.push(Vec::new());
                    count = 0;
                    t = tail;
                }
                count += t.matches('\n').count();
                push(&mut out, Node::Text(t));
            }
            mark => {
                count += lines_in(&mark);
                push(&mut out, mark);
            }
        }
    }
    out.retain(|c| !c.is_empty());
    out
}

fn push<'t>(out: &mut [Vec<Node<'t>>], node: Node<'t>) {
    if matches!(node, Node::Text("")) {
        return;
    }
    if let Some(last) = out.last_mut() {
        last.push(node);
    }
}

/// The byte just after the `n`th line break of `t` (n ≥ 1), if it has that many.
fn nth_line_end(t: &str, n: usize) -> Option<usize> {
    let n = n.max(1);
    t.match_indices('\n').nth(n - 1).map(|(i, _)| i + 1)
}

fn lines_in(node: &Node) -> usize {
    match node {
        Node::Text(t) => t.matches('\n').count(),
        Node::Mark { children, .. } => children.iter().map(lines_in).sum(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(nodes: &[Node]) -> String {
        nodes
            .iter()
            .map(|n| match n {
                Node::Text(t) => t.to_string(),
                Node::Mark {
                    key,
                    first,
                    children,
                } => format!(
                    "[{key}{}:{}]",
                    if *first { "" } else { "'" },
                    show(children)
                ),
            })
            .collect()
    }

    fn span(start: usize, end: usize, key: usize) -> Span {
        Span { start, end, key }
    }

    #[test]
    fn nested_facts_nest() {
        // "Hội LHPN xã Kim Liên": a place inside an organisation.
        let t = "Hội LHPN xã Kim Liên có 20 hội viên";
        let nodes = mark(t, &[span(0, 20, 0), span(9, 20, 1), span(24, 35, 2)]);
        assert_eq!(
            show(&nodes),
            "[0:Hội LHPN [1:xã Kim Liên]] có [2:20 hội viên]"
        );
    }

    #[test]
    fn crossing_facts_are_split() {
        let t = "abcdefghij";
        let nodes = mark(t, &[span(2, 6, 0), span(4, 8, 1)]);
        assert_eq!(show(&nodes), "ab[0:cd[1:ef]][1':gh]ij");
    }

    #[test]
    fn offsets_are_chars_not_bytes() {
        let t = "Quỹ hội 15.500 000 đồng.";
        let nodes = mark(t, &[span(8, 23, 0)]);
        assert_eq!(show(&nodes), "Quỹ hội [0:15.500 000 đồng].");
    }

    #[test]
    fn spans_outside_the_text_are_left_out() {
        let t = "ngày 5/7";
        let nodes = mark(t, &[span(0, 8, 0), span(5, 99, 1), span(3, 3, 2)]);
        assert_eq!(show(&nodes), "[0:ngày 5/7]");
    }

    fn flat(nodes: &[Node]) -> String {
        nodes
            .iter()
            .map(|n| match n {
                Node::Text(t) => t.to_string(),
                Node::Mark { children, .. } => flat(children),
            })
            .collect()
    }

    #[test]
    fn the_text_is_kept_whole() {
        let t = "một\nhai 3 hộ\nba";
        for spans in [
            vec![],
            vec![span(8, 12, 0)],
            vec![span(0, 15, 0), span(4, 7, 1), span(6, 10, 2)],
        ] {
            assert_eq!(flat(&mark(t, &spans)), t);
        }
    }

    #[test]
    fn hostile_spans_stay_bounded() {
        // 2,000 spans each crossing the next: at most MAX_DEPTH marks open at once, and the
        // pieces grow with the cuts, not with their square.
        let text = "x".repeat(4_000);
        let spans: Vec<Span> = (0..2_000).map(|k| span(k, k + 2_000, k)).collect();
        let nodes = mark(&text, &spans);
        fn count(nodes: &[Node], depth: usize, max: &mut usize) -> usize {
            *max = (*max).max(depth);
            nodes
                .iter()
                .map(|n| match n {
                    Node::Text(_) => 0,
                    Node::Mark { children, .. } => 1 + count(children, depth + 1, max),
                })
                .sum()
        }
        let mut depth = 0;
        let marks = count(&nodes, 0, &mut depth);
        assert_eq!(depth, MAX_DEPTH);
        assert!(marks <= 4_001 * MAX_DEPTH, "{marks} pieces");
        assert_eq!(flat(&nodes), text);
    }

    #[test]
    fn chunks_cut_between_marks() {
        let text = "a\nb\nc d\ne\nf\ng\n";
        let nodes = mark(text, &[span(6, 9, 0)]);
        let chunks = chunks(nodes, 2);
        let shown: Vec<String> = chunks.iter().map(|c| show(c)).collect();
        assert_eq!(shown, ["a\nb\n", "c [0:d\ne]\n", "f\ng\n"]);
    }
}
