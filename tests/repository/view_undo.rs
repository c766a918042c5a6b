//! Saving and deleting a saved view are undone and redone through `Change::View`.

use cinedex::db::{Catalog, Change, DbError, ViewChange};

fn queries(catalog: &Catalog) -> Vec<(String, String)> {
    catalog
        .views()
        .unwrap()
        .into_iter()
        .map(|v| (v.name, v.query))
        .collect()
}

fn pair(name: &str, query: &str) -> Vec<(String, String)> {
    vec![(name.to_owned(), query.to_owned())]
}

#[test]
fn a_saved_view_is_undone_and_redone() {
    let dir = tempfile::tempdir().unwrap();
    let mut catalog = Catalog::open(dir.path().join("catalog.sqlite3")).unwrap();

    // A new view: undo deletes it, redo brings it back.
    let before = catalog.save_view("Short", "runtime:<100").unwrap().value;
    let saved = Change::View(ViewChange::Saved {
        name: "Short".into(),
        before,
    });
    assert_eq!(saved.description(), "saved view");
    let redo = catalog.revert(&saved).unwrap();
    assert!(queries(&catalog).is_empty());
    let undo = catalog.revert(&redo).unwrap();
    assert_eq!(queries(&catalog), pair("Short", "runtime:<100"));

    // A view replaced (the name in another case): undo puts the old query back, redo the new.
    let before = catalog.save_view("SHORT", "runtime:<90").unwrap().value;
    assert_eq!(before.as_deref(), Some("runtime:<100"));
    let replaced = Change::View(ViewChange::Saved {
        name: "SHORT".into(),
        before,
    });
    let redo = catalog.revert(&replaced).unwrap();
    assert_eq!(queries(&catalog), pair("Short", "runtime:<100"));
    catalog.revert(&redo).unwrap();
    assert_eq!(queries(&catalog), pair("Short", "runtime:<90"));

    // A deletion: undo restores the view whole; undoing it again once it is back is refused.
    let deleted = catalog.delete_view("short").unwrap().value.unwrap();
    let deletion = Change::View(ViewChange::Deleted(deleted));
    let redo = catalog.revert(&deletion).unwrap();
    assert_eq!(queries(&catalog), pair("Short", "runtime:<90"));
    assert!(matches!(catalog.revert(&deletion), Err(DbError::Gone)));
    assert_eq!(queries(&catalog), pair("Short", "runtime:<90"), "unchanged");
    catalog.revert(&redo).unwrap();
    assert!(queries(&catalog).is_empty());
    assert!(
        matches!(catalog.revert(&undo), Err(DbError::Gone)),
        "nothing to undo"
    );
}
