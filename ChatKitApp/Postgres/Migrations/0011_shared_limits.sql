-- What every app instance shares beyond the chats. Per-user request counts and open-stream slots
-- (ChatKit:RateLimits:ShareAcrossInstances), so a load balancer spreading a user's requests does not
-- multiply their budget; and the schedule of periodic jobs, so they run once per period, not once per
-- instance. UNLOGGED counts and slots: they are short-lived, written on every request; skipping the write-ahead log makes
-- them cheap, and losing them in a crash (or on a failover) only resets them.

-- One row per rate-limited key (a user): the current fixed window's number and its count. A request in
-- a newer window resets the count; one from an instance whose clock lags counts in the newer window.
CREATE UNLOGGED TABLE request_counts (
    key        text        PRIMARY KEY,
    window_no  bigint      NOT NULL,
    requests   bigint      NOT NULL,
    expires_at timestamptz NOT NULL
);

-- One row per open stream and scope ('user:…', 'address:…'). The instance holding the stream renews
-- expires_at while it streams and deletes the row when it ends; a crashed instance's rows stop counting
-- once expires_at passes.
CREATE UNLOGGED TABLE stream_slots (
    id         uuid        NOT NULL,
    scope      text        NOT NULL,
    expires_at timestamptz NOT NULL,
    PRIMARY KEY (id, scope)
);
CREATE INDEX stream_slots_scope ON stream_slots (scope);
CREATE INDEX stream_slots_expiry ON stream_slots (expires_at);

-- Takes a slot for p_id under the user's scope and the address's scope (either may be null: not
-- counted) if neither is at its cap; returns 0, or 1 (the user's cap) or 2 (the address's) when refused.
-- One call is one statement for the app. Per scope, an advisory lock held to the end of the transaction
-- serialises the count-then-insert across instances; being VOLATILE, each statement below sees what
-- earlier holders of the lock committed. Scopes are locked user first, address second, and a call
-- holds at most one of each, so two calls cannot wait for each other in a cycle.
CREATE FUNCTION open_stream_slot(
    p_id uuid, p_user text, p_user_max integer, p_address text, p_address_max integer,
    p_now timestamptz, p_expires_at timestamptz) RETURNS integer
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    scopes text[] := ARRAY[p_user, p_address];
    caps integer[] := ARRAY[p_user_max, p_address_max];
BEGIN
    FOR i IN 1..2 LOOP
        CONTINUE WHEN scopes[i] IS NULL;
        PERFORM pg_advisory_xact_lock(1128221014, hashtext(scopes[i]));
        DELETE FROM stream_slots WHERE scope = scopes[i] AND expires_at <= p_now;
        IF (SELECT count(*) FROM stream_slots WHERE scope = scopes[i]) >= caps[i] THEN
            RETURN i;
        END IF;
    END LOOP;
    INSERT INTO stream_slots (id, scope, expires_at)
    SELECT p_id, s, p_expires_at FROM unnest(scopes) AS s WHERE s IS NOT NULL;
    RETURN 0;
END
$$;

-- When each periodic job (the attachment expiry sweep) may next run on any instance: an instance runs
-- a period's job only if it moves next_run_at forward, so three instances make one run per period.
CREATE TABLE job_schedule (
    job         text        PRIMARY KEY,
    next_run_at timestamptz NOT NULL
);
