#!/bin/sh
# Stand-in for the Plex image's /healthcheck.sh: is the server answering?
exec wget -q -O /dev/null http://127.0.0.1:32400/identity
