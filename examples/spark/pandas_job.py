"""Spark job: the records of a JSON Lines file read by the `vnfacts` Python package in
`mapInPandas`.

Each record {"id": ..., "text": ...} gives a row (id, json): the document of the text, as the
command line writes it for that record (its `source` is the id). Within each batch the package
reads the texts in Rust with the interpreter released.

    spark-submit --master 'local[2]' examples/spark/pandas_job.py records.jsonl facts/

The executors need the package: install the wheel on them, or ship it in an environment
archive (`venv-pack` or `conda-pack` of a virtual environment holding the wheel, pandas and
pyarrow; `spark-submit --archives env.tar.gz#env` with
`PYSPARK_PYTHON=./env/bin/python`). A wheel alone cannot go with `--py-files`: the package
holds a compiled extension.
"""

import argparse


def extract_batches(batches, jobs=1):
    """mapInPandas: each pandas batch of (id, text) into (id, json)."""
    import json

    import pandas as pd

    import vnfacts

    for batch in batches:
        docs = vnfacts.extract_many(list(batch["text"]), jobs=jobs, on_error="record")
        out = []
        for id_, doc in zip(batch["id"], docs):
            doc["source"] = id_
            out.append(json.dumps(doc, ensure_ascii=False))
        yield pd.DataFrame({"id": batch["id"], "json": out})


def run(spark, input_path, output_path=None, partitions=None):
    """A DataFrame (id, json) of the records in `input_path`, written to `output_path` (as
    JSON Lines of the documents) when given."""
    df = spark.read.schema("id string, text string").json(input_path)
    if partitions:
        df = df.repartition(partitions)
    docs = df.mapInPandas(extract_batches, schema="id string, json string")
    if output_path:
        docs.select("json").write.mode("overwrite").text(output_path)
    return docs


def main():
    from pyspark.sql import SparkSession

    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("input", help="JSON Lines of {id, text} records")
    p.add_argument("output", help="a folder for the documents (JSON Lines part files)")
    args = p.parse_args()
    spark = SparkSession.builder.appName("vnfacts mapInPandas").getOrCreate()
    run(spark, args.input, args.output)
    spark.stop()


if __name__ == "__main__":
    main()
