"""``python -m canjapan``: the command line."""

import sys

from canjapan._cli import main

sys.exit(main())
