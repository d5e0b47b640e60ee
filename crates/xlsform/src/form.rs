//! A workbook as the importer reads it: named sheets of text cells, each cell knowing its place
//! (sheet, row and column as a spreadsheet shows them), so every message can point at it.

use std::fmt;
use std::path::Path;

/// Where something is in the workbook: `survey!C7`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The sheet's name.
    pub sheet: String,
    /// 1-based, as the spreadsheet numbers rows.
    pub row: u32,
    /// 1-based column number (`A` is 1); 0 for the whole row.
    pub col: u32,
}

/// A column number as letters (`1` → `A`, `28` → `AB`).
pub fn column_letters(mut col: u32) -> String {
    let mut out = Vec::new();
    while col > 0 {
        let r = (col - 1) % 26;
        out.push(b'A' + r as u8);
        col = (col - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.col == 0 {
            write!(f, "{}!{}", self.sheet, self.row)
        } else {
            write!(
                f,
                "{}!{}{} (row {}, column {})",
                self.sheet,
                column_letters(self.col),
                self.row,
                self.row,
                self.col
            )
        }
    }
}

/// One sheet: its header row and the rows under it, trimmed, with their spreadsheet row numbers.
#[derive(Debug, Clone, Default)]
pub struct Sheet {
    /// Its name.
    pub name: String,
    /// The header cells, lower-cased for lookup as XLSForm tools do (labels keep their case).
    pub header: Vec<String>,
    /// The spreadsheet row number of the header.
    pub header_row: u32,
    /// The spreadsheet column number of the first cell.
    pub first_col: u32,
    /// The data rows: (row number, cells).
    pub rows: Vec<(u32, Vec<String>)>,
}

impl Sheet {
    /// The index of the column named `name` (case-insensitive).
    pub fn column(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h.eq_ignore_ascii_case(name))
    }

    /// Where cell `col` (0-based in the header) of row `row` is.
    pub fn place(&self, row: u32, col: usize) -> Place {
        Place {
            sheet: self.name.clone(),
            row,
            col: self.first_col + col as u32,
        }
    }
}

/// A whole workbook.
#[derive(Debug, Clone, Default)]
pub struct Workbook {
    /// Its sheets, in order.
    pub sheets: Vec<Sheet>,
}

impl Workbook {
    /// The sheet of that name (case-insensitive).
    pub fn sheet(&self, name: &str) -> Option<&Sheet> {
        self.sheets.iter().find(|s| s.name.eq_ignore_ascii_case(name))
    }
}

/// Why a workbook could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// Not a workbook calamine can open (or damaged).
    #[error("{path} cannot be read as a spreadsheet: {reason}")]
    Unreadable {
        /// The file.
        path: String,
        /// Why.
        reason: String,
    },
    /// A cell holds a formula: its value would depend on a calculation the form does not carry.
    #[error("{0}: a formula; XLSForm cells hold plain values (paste the values instead)")]
    Formula(Place),
    /// Merged cells: one value spread over cells that each mean something (a label merged over
    /// two language columns would leave the second language without it).
    #[error("{0}: merged with the cells up to {1}; an XLSForm cell holds one value (unmerge them and fill each cell)")]
    Merged(Place, String),
}

/// The file extensions `read` takes.
pub const EXTENSIONS: [&str; 5] = ["xlsx", "xlsm", "xls", "ods", "md"];

/// Whether `path` names a file `read` takes (by its extension).
pub fn is_form(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// Reads an XLSForm written as Markdown tables, as pyxform reads them: a line `| survey |`
/// starts a sheet, the lines under it (first cell empty) are its header and rows. Rows are
/// numbered as in a spreadsheet (the header is row 1), so places read alike in both forms.
pub fn read_markdown(text: &str) -> Workbook {
    let mut out = Workbook::default();
    let mut current: Option<(String, Vec<Vec<String>>)> = None;
    let finish = |sheet: Option<(String, Vec<Vec<String>>)>, out: &mut Workbook| {
        if let Some((name, lines)) = sheet {
            let mut lines = lines.into_iter();
            let header = lines.next().unwrap_or_default();
            let rows = lines
                .enumerate()
                .filter(|(_, cells)| cells.iter().any(|c| !c.is_empty()))
                .map(|(i, cells)| (i as u32 + 2, cells))
                .collect();
            out.sheets.push(Sheet {
                name,
                header,
                header_row: 1,
                first_col: 2,
                rows,
            });
        }
    };
    for line in text.lines() {
        let Some(inner) = line.trim().strip_prefix('|') else {
            continue;
        };
        let inner = inner.strip_suffix('|').unwrap_or(inner);
        let mut cells = Vec::new();
        let mut cell = String::new();
        let mut chars = inner.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\\' if chars.peek() == Some(&'|') => {
                    cell.push('|');
                    chars.next();
                }
                '|' => cells.push(std::mem::take(&mut cell).trim().to_string()),
                c => cell.push(c),
            }
        }
        cells.push(cell.trim().to_string());
        let first = cells.remove(0);
        if !first.is_empty() {
            finish(current.take(), &mut out);
            current = Some((first, Vec::new()));
        } else if let Some((_, lines)) = current.as_mut() {
            lines.push(cells);
        }
    }
    finish(current.take(), &mut out);
    out
}

/// Reads an `.xlsx`, `.xls` or `.ods` workbook, or an XLSForm in Markdown (`.md`).
pub fn read(path: &Path) -> Result<Workbook, ReadError> {
    use calamine::Reader;
    let unreadable = |reason: String| ReadError::Unreadable {
        path: path.display().to_string(),
        reason,
    };
    if path.extension().and_then(|e| e.to_str()) == Some("md") {
        return std::fs::read_to_string(path)
            .map(|text| read_markdown(&text))
            .map_err(|e| unreadable(e.to_string()));
    }
    let mut book = calamine::open_workbook_auto(path).map_err(|e| unreadable(e.to_string()))?;
    let mut out = Workbook::default();
    for name in book.sheet_names() {
        let merged = match &mut book {
            calamine::Sheets::Xlsx(x) => x.worksheet_merge_cells(&name).and_then(Result::ok),
            calamine::Sheets::Xls(x) => x.worksheet_merge_cells(&name),
            _ => None,
        };
        if let Some(region) = merged.and_then(|m| m.into_iter().next()) {
            let at = |(r, c): (u32, u32)| Place {
                sheet: name.clone(),
                row: r + 1,
                col: c + 1,
            };
            let end = at(region.end);
            return Err(ReadError::Merged(
                at(region.start),
                format!("{}{}", column_letters(end.col), end.row),
            ));
        }
        if let Ok(formulas) = book.worksheet_formula(&name) {
            let (r0, c0) = formulas.start().unwrap_or((0, 0));
            for (r, row) in formulas.rows().enumerate() {
                if let Some(c) = row.iter().position(|f| !f.is_empty()) {
                    return Err(ReadError::Formula(Place {
                        sheet: name.clone(),
                        row: r0 + r as u32 + 1,
                        col: c0 + c as u32 + 1,
                    }));
                }
            }
        }
        let range = book.worksheet_range(&name).map_err(|e| unreadable(e.to_string()))?;
        let (r0, c0) = range.start().unwrap_or((0, 0));
        let mut rows = range.rows().enumerate().map(|(i, cells)| {
            (
                r0 + i as u32 + 1,
                cells
                    .iter()
                    .map(|c| c.to_string().trim().to_string())
                    .collect::<Vec<_>>(),
            )
        });
        // The header is the first row with anything in it.
        let Some((header_row, header)) = rows.by_ref().find(|(_, cells)| cells.iter().any(|c| !c.is_empty())) else {
            out.sheets.push(Sheet {
                name,
                ..Sheet::default()
            });
            continue;
        };
        let data = rows.filter(|(_, cells)| cells.iter().any(|c| !c.is_empty())).collect();
        out.sheets.push(Sheet {
            name,
            header,
            header_row,
            first_col: c0 + 1,
            rows: data,
        });
    }
    Ok(out)
}
