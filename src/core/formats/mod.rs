//! Files Claimcheck reads and writes: its own JSON, and the formats the field already speaks.
//! One module per format, reader and writer together; `envelope` is what every Claimcheck file
//! shares, `deep_link` the app's own addresses (`#article=…&claim=…`), `sniff` tells an import's format, `export` is the Export menu. Nothing here knows the
//! library: `library::merge` takes what these read.

pub mod annotations;
pub mod claimreview;
pub mod csv;
pub mod deep_link;
pub mod envelope;
pub mod export;
pub mod hypothesis;
pub mod link_fields;
pub mod native;
pub mod sniff;
pub mod value_reader;
pub mod w3c;

#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod test_documents;
