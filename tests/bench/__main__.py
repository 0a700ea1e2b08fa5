"""`make bench`: every benchmark, figures and ratios printed side by side."""

from tests.bench import (
    call_bench,
    cli_bench,
    export_bench,
    guide_bench,
    key_order_bench,
    keys_bench,
    memory_bench,
    outside_change_bench,
    parser_bench,
    preview_bench,
    redaction_bench,
    ssh_bench,
    startup_bench,
    store_bench,
    text_bench,
)
from tests.bench.figures import machine_load

if __name__ == "__main__":
    print(machine_load())
    store_bench.run()
    startup_bench.run()
    keys_bench.run()
    key_order_bench.run()
    outside_change_bench.run()
    memory_bench.run()
    cli_bench.run()
    guide_bench.run()
    export_bench.run()
    preview_bench.run()
    text_bench.run()
    parser_bench.run()
    redaction_bench.run()
    call_bench.run()
    ssh_bench.run()
    print(machine_load())
