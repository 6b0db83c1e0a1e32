//! What the page listens to outside its components: the keyboard, touch, the reader's
//! selection, files dropped on the page, and deep links in the address. Each listener lives as
//! long as what it returns (dropping an `EventListener` removes it).

pub(crate) mod dom;
pub(crate) mod file_drop;
pub(crate) mod keyboard;
pub(crate) mod links;
pub(crate) mod selection;
pub(crate) mod touch;
