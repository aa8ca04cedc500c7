"""Spark job: the records of a JSON Lines file piped through the `vnfacts` binary.

Each line of the input is a record {"id": ..., "text": ...}; each partition of the file is
piped through `vnfacts extract --input jsonl --jobs 1` on the executor that holds it, and each
output line is the document of one record (its `source` is the record's id), in the input's
order within a partition.

    spark-submit --master 'local[2]' --files target/release/vnfacts \
        examples/spark/pipe_job.py records.jsonl facts/

On a cluster, ship the binary with `--files` (it lands in each executor's working folder,
so give `--binary ./vnfacts` on YARN and Kubernetes); it needs no Python on the executors.
The binary must be built for the executors' system (`cargo build --release` on a machine like
them, or `--target x86_64-unknown-linux-musl` for a static one).
"""

import argparse
import os


def command(binary):
    # One thread per task: Spark runs one task per core already.
    return f"{binary} extract --input jsonl --jobs 1 --quiet"


def run(spark, input_path, output_path=None, binary=None, partitions=None):
    """The documents of the records in `input_path` (an RDD of JSON lines), written to
    `output_path` when given. `binary` is the vnfacts program (default: the one shipped with
    `--files`)."""
    from pyspark import SparkFiles

    sc = spark.sparkContext
    records = sc.textFile(input_path, minPartitions=partitions or sc.defaultParallelism)
    if binary is None:
        binary = SparkFiles.get("vnfacts")
    docs = records.pipe(command(binary), env={"LC_ALL": "C.UTF-8"})
    if output_path:
        docs.saveAsTextFile(output_path)
    return docs


def main():
    from pyspark.sql import SparkSession

    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("input", help="JSON Lines of {id, text} records")
    p.add_argument("output", help="a folder for the documents (JSON Lines part files)")
    p.add_argument("--binary", help="the vnfacts program (default: shipped with --files)")
    args = p.parse_args()
    spark = SparkSession.builder.appName("vnfacts pipe").getOrCreate()
    run(spark, args.input, args.output, args.binary)
    spark.stop()


if __name__ == "__main__":
    main()
