-- Idempotency-Key records of user creations held a SHA-256 digest of a body with the initial
-- password in it (unsalted, every other field stored in app_user). The password is now left out
-- of the hash (@Unhashed); the records made before are forgotten. A resend of one of those
-- creations is refused as a taken user name (409) instead of replayed: nothing is created twice.
DELETE FROM idempotency_record WHERE operation = 'POST /users';
