"""Waits until the machine is quiet: the 1-minute load average below a threshold (other jobs on the machine).

Used by bench/run.py (--quiet-load) and, as a command, by bench/export.sh:
  /usr/bin/python3 bench/quietload.py L     returns once the 1-minute load average is below L
Progress ("waiting: load average ...") goes to stderr every 15 s.
"""
import os
import sys
import time


def wait_below(load):
    """Returns once the 1-minute load average is below load, reporting on stderr while it waits."""
    while os.getloadavg()[0] >= load:
        print("waiting: load average %.2f, not below %.2f" % (os.getloadavg()[0], load), file=sys.stderr)
        time.sleep(15)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: quietload.py LOAD")
    wait_below(float(sys.argv[1]))
