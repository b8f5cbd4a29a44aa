"""CTest entry point: runs pytest on the given arguments, or exits 77
(CTest's SKIP_RETURN_CODE for this test) when pytest is not installed."""
import sys


def main():
    try:
        import pytest
    except ImportError:
        print("python tests skipped: pytest is not installed (Debian: python3-pytest)")
        return 77
    return pytest.main(sys.argv[1:])


# The guard matters: Dask's worker processes are started with
# multiprocessing's "spawn", which imports this main module again.
if __name__ == "__main__":
    sys.exit(main())
