-- The write lease of a thread: requests that change a thread's items (a new message, a retry, a
-- tool output, an action) hold it while they run, so they run one at a time per thread across every
-- instance. A lease expires on its own (an instance that dies mid-stream cannot block the thread
-- for longer than one lease period); the holder renews it while its response streams.
ALTER TABLE threads
    ADD COLUMN lease_holder text,
    ADD COLUMN lease_until  timestamptz;
