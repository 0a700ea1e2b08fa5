"""`make bench`: every benchmark, figures and ratios printed side by side."""

from tests.bench import (
    app_bench,
    call_bench,
    export_bench,
    guide_bench,
    parser_bench,
    preview_bench,
    redaction_bench,
    ssh_bench,
    store_bench,
    text_bench,
)

if __name__ == "__main__":
    store_bench.run()
    app_bench.run()
    guide_bench.run()
    export_bench.run()
    preview_bench.run()
    text_bench.run()
    parser_bench.run()
    redaction_bench.run()
    call_bench.run()
    ssh_bench.run()
