-- 008: community canteens (便民餐厅 / 长者食堂) and their weekly menus.
-- A week's menu is one document (the days, meals, dishes with diet tags and prices in fen), checked
-- against the SDK's schema before it is stored and replaced whole when staff publish the week again.

CREATE TABLE canteens (
  id         text PRIMARY KEY,
  area_id    text NOT NULL REFERENCES areas (id),
  -- Localized texts {"zh-CN": "...", "zh-TW": "...", "en": "..."}; zh-CN is always present.
  name       jsonb NOT NULL CHECK (jsonb_typeof(name -> 'zh-CN') = 'string'),
  place      jsonb NOT NULL CHECK (jsonb_typeof(place -> 'zh-CN') = 'string'),
  phone      text,
  note       jsonb,
  sort_order integer NOT NULL DEFAULT 0
);
CREATE INDEX canteens_area_idx ON canteens (area_id, sort_order);

CREATE TABLE canteen_menus (
  canteen_id   text NOT NULL REFERENCES canteens (id),
  -- The Monday the week starts on (community date).
  week_start   date NOT NULL CHECK (extract(isodow FROM week_start) = 1),
  -- [{ "date": "2026-11-23", "meals": [{ "meal": "lunch", "opens": "11:00", "closes": "13:00",
  --    "dishes": [{ "name": {...}, "tags": ["low_salt"], "priceFen": 1500, "elderPriceFen": 1000 }] }] }]
  days         jsonb NOT NULL CHECK (jsonb_typeof(days) = 'array'),
  subsidy_note jsonb,
  note         jsonb,
  published_by text NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  -- 1 on first publication, + 1 each time the week is published again.
  revision     integer NOT NULL DEFAULT 1,
  PRIMARY KEY (canteen_id, week_start)
);
