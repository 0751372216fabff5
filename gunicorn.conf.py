"""gunicorn's settings for Ateliers: `gunicorn -c gunicorn.conf.py ateliers.wsgi`.

Read from the environment like Django's settings (README, "Configuration"); options given on
the command line (e.g. `--bind`) still win. The worker timeout must outlast the database's
statement timeout (ateliers/timeouts.py): a request stuck on the database then ends with our
503 page, not with a killed worker.
"""

from ateliers.env import env_int, env_str
from ateliers.timeouts import read_database_timeouts

bind = env_str("GUNICORN_BIND", "127.0.0.1:8001")
# Two or three per core is usual.
workers = env_int("GUNICORN_WORKERS", 3, minimum=1)
# Seconds a worker may spend on one request before it is killed and replaced.
timeout = env_int("GUNICORN_TIMEOUT", 30, minimum=1)
read_database_timeouts().check_worker_timeout(timeout)
# On restart or stop, seconds left to the requests under way to finish.
graceful_timeout = env_int("GUNICORN_GRACEFUL_TIMEOUT", 20, minimum=1)

# The reverse proxy keeps the access log; gunicorn's own messages and Django's logs go to
# standard error (the journal under systemd).
accesslog = None
errorlog = "-"
