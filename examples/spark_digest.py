"""Digest a JSONL archive of articles with Spark.

    python examples/spark_digest.py IN OUT [--length short|medium|long] [--sentences N]
                                           [--words] [--no-keywords] [--master URL]

IN holds one JSON object a line, {"id", "text"} (or {"id", "title", "body"}), in local
files or any path Spark reads; OUT, a directory Spark creates, gets JSONL part files, one
record a line: exactly the line `tomtat digest --jsonl` writes for the same input line
(tomtat.digest_record is the CLI's own code). Run with `python` it digests in local mode on
every core; with `spark-submit` it runs on any cluster whose workers have the tomtat
wheel installed (set PYSPARK_PYTHON to their Python).
"""

import argparse
import os
import sys
import time

from pyspark.sql import SparkSession


def arguments(argv):
    parser = argparse.ArgumentParser(prog="spark_digest.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("source", metavar="IN")
    parser.add_argument("target", metavar="OUT")
    parser.add_argument("--length", default="medium")
    parser.add_argument("--sentences", type=int)
    parser.add_argument("--words", action="store_true")
    parser.add_argument("--no-keywords", dest="keywords", action="store_false")
    parser.add_argument("--master", help="Spark master (default: spark-submit's, or local[*] under python)")
    return parser.parse_args(argv)


def main(argv):
    args = arguments(argv)
    options = {"length": args.length, "sentences": args.sentences, "keywords": args.keywords, "words": args.words}
    import tomtat

    try:
        tomtat.digest("", **options)  # the options are checked once, before any work
    except ValueError as e:
        print(f"spark_digest: {e}", file=sys.stderr)
        return 2
    # In local mode the workers are this Python, which has tomtat; on a cluster,
    # PYSPARK_PYTHON names theirs.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("tomtat digest")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    failed = spark.sparkContext.accumulator(0)
    written = spark.sparkContext.accumulator(0)

    def digest_partition(lines):
        import tomtat

        for line in lines:
            if not line.strip():
                continue
            try:
                record = tomtat.digest_record(line, **options)
            except ValueError as e:
                # As the CLI: a bad line is reported and the run goes on.
                failed.add(1)
                print(f"spark_digest: {e}: {line[:80]}", file=sys.stderr)
                continue
            written.add(1)
            yield record

    started = time.perf_counter()
    spark.sparkContext.textFile(args.source).mapPartitions(digest_partition).saveAsTextFile(args.target)
    seconds = time.perf_counter() - started
    # The job's own time, without Spark's start, for the throughput of a long run.
    print(f"spark_digest: {written.value} records in {seconds:.1f} s", file=sys.stderr)
    spark.stop()
    if failed.value:
        print(f"spark_digest: lines not digested: {failed.value} (see the workers' logs)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
