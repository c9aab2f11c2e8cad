-- Number blocks (DESIGN §8): one high-water mark per series (D, Q) and year. Devices consume the
-- blocks offline; the server hands out ranges only above this mark, and the row lock taken while
-- reserving orders concurrent reservations, so two blocks never share a number. The blocks
-- themselves are `reference` documents of type `number_blocks` (replicated to the devices).
CREATE TABLE number_counters (
  series text NOT NULL CHECK (series IN ('D', 'Q')),
  year integer NOT NULL,
  -- First number no block has been given yet.
  next_start integer NOT NULL CHECK (next_start >= 1),
  PRIMARY KEY (series, year)
);
