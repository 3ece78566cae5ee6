"""The Python package as a user meets it: run by `cargo xtask test` in a fresh virtual
environment where only the wheel is installed, from the repository's root, with
TOMTAT_CLI naming the tomtat command to compare messages with."""

import json
import os
import subprocess
import unittest

import tomtat

SEED = open("seeds/000_5dea1911c32d1e71.txt", encoding="utf-8").read()


def spans(digest):
    """Every span of a digest: sentences, their words, the directives' parts, keyword occurrences."""
    for sentence in digest["sentences"]:
        yield sentence
        yield from sentence.get("words") or []
    for directive in digest["directives"]:
        yield directive["sentence"]
        yield directive["cue"]
        yield from (directive[part] for part in ("issuer", "addressee") if directive[part])
        yield from directive["actions"]
    for keyword in digest["keywords"]:
        yield from keyword["occurrences"]


def utf16_slice(text, start, end):
    return text.encode("utf-16-le")[2 * start : 2 * end].decode("utf-16-le")


class Digest(unittest.TestCase):
    def test_the_seed_gives_its_four_directives_and_its_spans_slice_the_string(self):
        digest = tomtat.digest(SEED, words=True)
        self.assertEqual(len(digest["directives"]), 4)
        checked = 0
        for span in spans(digest):
            self.assertEqual(SEED[span["start"] : span["end"]], span["text"])
            checked += 1
        self.assertGreater(checked, len(digest["sentences"]) * 5)

    def test_offsets_past_emoji_are_code_points_and_the_json_keeps_utf16(self):
        # An emoji at the start of every paragraph and inside the first sentence of each:
        # every later offset is shifted by the characters outside the BMP before it.
        paragraphs = SEED.split("\n")
        text = "\n".join("😀 " + p.replace(" ", " 𝄞 ", 1) if p.strip() else p for p in paragraphs)
        digest = tomtat.digest(text, words=True)
        utf16 = json.loads(tomtat.digest_json(text, words=True))
        self.assertEqual(len(digest["directives"]), len(utf16["directives"]))
        self.assertGreater(len(digest["directives"]), 0)
        shifted = 0
        for span, unit_span in zip(spans(digest), spans(utf16)):
            self.assertEqual(text[span["start"] : span["end"]], span["text"])
            self.assertEqual(utf16_slice(text, unit_span["start"], unit_span["end"]), unit_span["text"])
            self.assertEqual(span["text"], unit_span["text"])
            shifted += span["start"] != unit_span["start"]
        self.assertGreater(shifted, 0)

    def test_the_dict_is_the_cli_json_when_code_points_are_utf16_units(self):
        for options in ({}, {"length": "long", "words": True}, {"sentences": 2, "keywords": False}):
            self.assertEqual(tomtat.digest(SEED, **options), json.loads(tomtat.digest_json(SEED, **options)))

    def test_digest_many_gives_each_digest_in_order(self):
        texts = [SEED, "", "Thủ tướng yêu cầu tỉnh tập trung phát triển."]
        self.assertEqual(tomtat.digest_many(texts, length="short"), [tomtat.digest(t, length="short") for t in texts])
        with self.assertRaisesRegex(ValueError, "^text 1: the text is too long"):
            tomtat.digest_many(["", "x" * (tomtat.MAX_INPUT_BYTES + 1)])

    def test_a_record_carries_its_id_and_joins_title_and_body(self):
        line = json.dumps({"id": 7, "title": "Tiêu đề", "body": SEED})
        record = json.loads(tomtat.digest_record(line))
        self.assertEqual(record.pop("id"), 7)
        self.assertEqual(record, json.loads(tomtat.digest_json("Tiêu đề\n\n" + SEED)))


class BadInput(unittest.TestCase):
    def cli_message(self, *args):
        out = subprocess.run([os.environ["TOMTAT_CLI"], "digest", *args], input=b"", capture_output=True)
        self.assertNotEqual(out.returncode, 0)
        return out.stderr.decode().strip().removeprefix("tomtat: ")

    def test_bad_options_raise_value_error_with_the_cli_message(self):
        for options, args in (
            ({"length": "huge"}, ["--length", "huge"]),
            ({"sentences": 0}, ["--sentences", "0"]),
            ({"sentences": 101}, ["--sentences", "101"]),
        ):
            for function in (tomtat.digest, tomtat.digest_json, tomtat.digest_many):
                with self.assertRaises(ValueError) as raised:
                    function([SEED] if function is tomtat.digest_many else SEED, **options)
                self.assertEqual(str(raised.exception), self.cli_message(*args))
        with self.assertRaisesRegex(ValueError, "between 1 and 100, got -2"):
            tomtat.digest(SEED, sentences=-2)
        with self.assertRaises(TypeError):
            tomtat.digest(SEED, colour="red")

    def test_a_text_over_the_limit_raises(self):
        with self.assertRaisesRegex(ValueError, "the text is too long"):
            tomtat.digest("a" * (tomtat.MAX_INPUT_BYTES + 1))

    def test_a_bad_line_raises_the_cli_message(self):
        for line in ("not json", '{"id": 1}'):
            with self.assertRaises(ValueError) as raised:
                tomtat.digest_record(line)
            out = subprocess.run(
                [os.environ["TOMTAT_CLI"], "digest", "--jsonl"], input=line.encode(), capture_output=True
            )
            self.assertEqual(out.stderr.decode().strip(), f"tomtat: line 1: {raised.exception}")


if __name__ == "__main__":
    unittest.main(verbosity=2)
