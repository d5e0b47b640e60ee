//! XLSForm, the questionnaire format of ODK, KoboToolbox and CommCare, read into a FieldScreen
//! protocol and written from one: the workbook (`form`), its expressions (`xpath`), their
//! translation into FieldScreen conditions (`translate`), the import (`import`) and the export
//! (`export`). Every refusal names the sheet, row and column, and for an expression the
//! character.
#![warn(missing_docs)]

pub mod export;
pub mod form;
pub mod import;
pub mod translate;
pub mod xpath;

pub use export::{ExportError, export, write_xlsx};
pub use form::{Place, ReadError, Workbook, is_form, read};
pub use import::{Imported, Problem, import};

#[cfg(test)]
mod tests;
