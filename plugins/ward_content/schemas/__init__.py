"""One schema module per content type; each declares a module-level `KIND` found by `kinds.all_kinds()`."""
