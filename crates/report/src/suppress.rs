//! Small-cell suppression at the source, and the complementary suppression that keeps a
//! suppressed cell from being worked back out of the totals published beside it.
//!
//! A two-way table is handled as its extended grid: the cells, a column of row totals, a row of
//! column totals and the grand total, where every line adds up to its total entry. Seen as a
//! graph (a vertex per line, an edge per suppressed entry joining its row line and its column
//! line), the suppressed values a reader cannot compute are exactly those whose edge lies on a
//! cycle: a bridge edge is determined by the totals of the lines on one side of it. So after
//! suppressing every entry below k, rectangles of further entries are suppressed until no
//! suppressed entry is a bridge. A one-way table is one line: it is safe when none or at least
//! two of its entries are suppressed.

use serde::Serialize;

/// The smallest k allowed, as the CTDC uses: a report may raise it, never lower it.
pub const MIN_K: u64 = 11;

/// Whether a cell is published, and if not, why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Suppression {
    /// Shown.
    Published,
    /// Below k.
    Primary,
    /// Hidden so that a primary one cannot be computed from the rest.
    Complementary,
}

impl Suppression {
    /// Whether the cell's count is left out.
    pub fn hidden(self) -> bool {
        self != Suppression::Published
    }
}

fn primary(v: u64, k: u64) -> Suppression {
    if v < k {
        Suppression::Primary
    } else {
        Suppression::Published
    }
}

/// `line` is the cells followed by their total.
pub fn suppress_one_way(line: &[u64], k: u64) -> Vec<Suppression> {
    let mut out: Vec<Suppression> = line.iter().map(|&v| primary(v, k)).collect();
    if out.iter().filter(|s| s.hidden()).count() == 1 {
        // The smallest other entry, a cell rather than the total when there is one.
        let partner = (0..line.len())
            .filter(|&i| !out[i].hidden())
            .min_by_key(|&i| (i == line.len() - 1, line[i], i));
        if let Some(i) = partner {
            out[i] = Suppression::Complementary;
        }
    }
    out
}

/// `grid` is the extended table: `rows + 1` lines of `cols + 1` entries, the last entry of each
/// line its total and the last line the column totals (its last entry the grand total).
pub fn suppress_two_way(grid: &[Vec<u64>], k: u64) -> Vec<Vec<Suppression>> {
    let mut out: Vec<Vec<Suppression>> = grid
        .iter()
        .map(|line| line.iter().map(|&v| primary(v, k)).collect())
        .collect();
    let rows = grid.len();
    let cols = grid.first().map_or(0, Vec::len);
    if rows < 2 || cols < 2 {
        return out;
    }
    while let Some((r, c)) = first_bridge(&out) {
        // Close a cycle through the bridge with the cheapest rectangle: fewest new suppressions,
        // then the smallest values hidden.
        let mut best: Option<((usize, u64), (usize, usize))> = None;
        for r2 in (0..rows).filter(|&x| x != r) {
            for c2 in (0..cols).filter(|&x| x != c) {
                let corners = [(r, c2), (r2, c), (r2, c2)];
                let new: Vec<(usize, usize)> = corners.into_iter().filter(|&(i, j)| !out[i][j].hidden()).collect();
                let cost = (new.len(), new.iter().map(|&(i, j)| grid[i][j]).sum::<u64>());
                if best.is_none_or(|(b, _)| cost < b) {
                    best = Some((cost, (r2, c2)));
                }
            }
        }
        let Some((_, (r2, c2))) = best else { break };
        for (i, j) in [(r, c2), (r2, c), (r2, c2)] {
            if !out[i][j].hidden() {
                out[i][j] = Suppression::Complementary;
            }
        }
    }
    out
}

/// An entry of the extended grid: (line, position in the line).
type Entry = (usize, usize);

/// A suppressed entry whose edge is a bridge of the graph of suppressed entries (Tarjan's
/// low-link; vertices 0..rows are row lines, rows.. are column lines).
fn first_bridge(state: &[Vec<Suppression>]) -> Option<Entry> {
    let rows = state.len();
    let cols = state.first().map_or(0, Vec::len);
    let n = rows + cols;
    let mut adjacent: Vec<Vec<(usize, Entry)>> = vec![Vec::new(); n];
    for (i, line) in state.iter().enumerate() {
        for (j, s) in line.iter().enumerate() {
            if s.hidden() {
                adjacent[i].push((rows + j, (i, j)));
                adjacent[rows + j].push((i, (i, j)));
            }
        }
    }
    let mut order = vec![usize::MAX; n];
    let mut low = vec![0; n];
    let mut counter = 0;
    for start in 0..n {
        if order[start] != usize::MAX || adjacent[start].is_empty() {
            continue;
        }
        // Iterative depth-first search: (vertex, the edge it was reached by, next neighbour).
        let mut stack: Vec<(usize, Option<Entry>, usize)> = vec![(start, None, 0)];
        order[start] = counter;
        low[start] = counter;
        counter += 1;
        while let Some(&mut (v, via, ref mut next)) = stack.last_mut() {
            if let Some(&(w, edge)) = adjacent[v].get(*next) {
                *next += 1;
                if Some(edge) == via {
                    continue;
                }
                if order[w] == usize::MAX {
                    order[w] = counter;
                    low[w] = counter;
                    counter += 1;
                    stack.push((w, Some(edge), 0));
                } else {
                    low[v] = low[v].min(order[w]);
                }
            } else {
                stack.pop();
                if let (Some(&(parent, _, _)), Some(edge)) = (stack.last(), via) {
                    low[parent] = low[parent].min(low[v]);
                    if low[v] > order[parent] {
                        return Some(edge);
                    }
                }
            }
        }
    }
    None
}
