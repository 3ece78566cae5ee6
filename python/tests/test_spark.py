"""The Spark job in local mode writes, for news-dev's articles, exactly the records the
CLI writes for them (in any order). Run by `cargo xtask test` in the virtual environment
that has pyspark and the wheel, from the repository's root, with TOMTAT_CLI naming the
tomtat command; skipped when the shared data is absent."""

import json
import os
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

NEWS_DEV = Path("../shared/data/news-dev.jsonl")


class SparkJob(unittest.TestCase):
    @unittest.skipUnless(NEWS_DEV.exists(), f"{NEWS_DEV} is absent")
    def test_news_dev_gives_the_cli_records(self):
        with tempfile.TemporaryDirectory() as tmp:
            source = Path(tmp) / "news-dev.jsonl"
            with NEWS_DEV.open(encoding="utf-8") as articles, source.open("w", encoding="utf-8") as out:
                for count, line in enumerate(articles, 1):
                    article = json.loads(line)
                    text = f"{article['title']}\n\n{article['body']}"
                    out.write(json.dumps({"id": article["id"], "text": text}, ensure_ascii=False) + "\n")
            target = Path(tmp) / "digests"
            subprocess.run([sys.executable, "examples/spark_digest.py", str(source), str(target)], check=True)
            spark = [line for part in sorted(target.glob("part-*")) for line in part.read_text("utf-8").splitlines()]
            cli = subprocess.run(
                [os.environ["TOMTAT_CLI"], "digest", "--jsonl", str(source)], check=True, capture_output=True
            )
            records = cli.stdout.decode("utf-8").splitlines()
            self.assertEqual(len(records), count)
            self.assertEqual(sorted(spark), sorted(records))


if __name__ == "__main__":
    unittest.main(verbosity=2)
