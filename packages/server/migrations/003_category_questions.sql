-- 003: a category's extra questions (Open311 service definition attributes) and the answers stored
-- with each request.

CREATE TABLE category_questions (
  category_id text NOT NULL REFERENCES categories (id) ON DELETE CASCADE,
  -- Answers are keyed by it, and Open311 clients send it as `attribute[code]`: no brackets or spaces.
  code        text NOT NULL CHECK (code ~ '^[A-Za-z0-9_.-]{1,64}$'),
  datatype    text NOT NULL
              CHECK (datatype IN ('string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist')),
  required    boolean NOT NULL DEFAULT false,
  -- false: a note to show (Open311 `variable: false`), which takes no answer and so cannot be required.
  variable    boolean NOT NULL DEFAULT true,
  sort_order  integer NOT NULL,
  -- {"zh-CN": "...", "zh-TW": "...", "en": "..."}, like categories.name; zh-CN is always present.
  prompt      jsonb NOT NULL CHECK (jsonb_typeof(prompt -> 'zh-CN') = 'string'),
  hint        jsonb CHECK (hint IS NULL OR jsonb_typeof(hint -> 'zh-CN') = 'string'),
  PRIMARY KEY (category_id, code),
  CHECK (variable OR NOT required)
);
CREATE INDEX category_questions_order_idx ON category_questions (category_id, sort_order);

-- The choices of a singlevaluelist or multivaluelist question.
CREATE TABLE category_question_values (
  category_id   text NOT NULL,
  question_code text NOT NULL,
  key           text NOT NULL CHECK (length(key) BETWEEN 1 AND 100),
  name          jsonb NOT NULL CHECK (jsonb_typeof(name -> 'zh-CN') = 'string'),
  sort_order    integer NOT NULL,
  PRIMARY KEY (category_id, question_code, key),
  FOREIGN KEY (category_id, question_code) REFERENCES category_questions (category_id, code) ON DELETE CASCADE
);

-- One row per answered question. No foreign key to the question: a request keeps its answers when a
-- category's questions change later.
CREATE TABLE service_request_answers (
  request_id    text NOT NULL REFERENCES service_requests (id) ON DELETE CASCADE,
  question_code text NOT NULL,
  -- The normalized answer: a JSON string (text, a date-time, a list key), number, or array of keys.
  value         jsonb NOT NULL CHECK (jsonb_typeof(value) IN ('string', 'number', 'array')),
  PRIMARY KEY (request_id, question_code)
);

-- What Open311 GeoReport v2 lists with each service: a group ("sanitation") and search keywords, both
-- localized like the name: {"zh-CN": "...", ...} and {"zh-CN": ["...", ...], ...}.
ALTER TABLE categories
  ADD COLUMN service_group jsonb CHECK (service_group IS NULL OR jsonb_typeof(service_group -> 'zh-CN') = 'string'),
  ADD COLUMN keywords      jsonb CHECK (keywords IS NULL OR jsonb_typeof(keywords -> 'zh-CN') = 'array');

-- What an Open311 client sent with a request that has no place in the request itself: the client's own
-- account id (answered back, as the spec asks) and a link to a photo the client hosts. Email and device
-- ids are not kept: Doorstep reaches residents by phone and collects no more than it uses.
CREATE TABLE open311_submissions (
  request_id text PRIMARY KEY REFERENCES service_requests (id) ON DELETE CASCADE,
  account_id text CHECK (length(account_id) BETWEEN 1 AND 100),
  media_url  text CHECK (media_url ~ '^https?://' AND length(media_url) <= 2000)
);
