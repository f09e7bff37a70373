-- One row per assistant turn, for the operator view (/admin): tokens the model reported and the
-- code of the error event when the turn failed. Read across users, by day, so keyed by time rather
-- than by user like the chat tables.
CREATE TABLE turn_usage (
    seq           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id       text        NOT NULL,
    thread_id     text        NOT NULL,
    created_at    timestamptz NOT NULL,
    input_tokens  bigint      NOT NULL CHECK (input_tokens >= 0),
    output_tokens bigint      NOT NULL CHECK (output_tokens >= 0),
    error_code    text
);

CREATE INDEX turn_usage_time ON turn_usage (created_at);

-- The operator view lists the newest ratings of all users.
CREATE INDEX feedback_time ON feedback (created_at);
