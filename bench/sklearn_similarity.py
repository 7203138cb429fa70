"""scikit-learn side of the clustering benchmark (bench/cluster.ts): the same latest articles
through scikit-learn's TF-IDF, then the similarity step as a blocked sparse X·Xᵀ that keeps each
row's top-k neighbours (the usual way to get a kNN graph out of scikit-learn without a dense
N×N matrix). Prints one JSON line with the seconds of each step and the peak RSS.

No average linkage: scikit-learn's AgglomerativeClustering (and scipy's linkage) take dense input
even with a sparse connectivity graph: a dense document × term matrix, or with
metric="precomputed" a dense N×N distance matrix (20 GB at 50k). Neither fits, so the comparison
stops at the kNN graph, which is the step that dominates.

Usage: python3 bench/sklearn_similarity.py TEXTS.jsonl [--top-k 20] [--block-rows 2000]
       [--max-seconds 360] [--neighbours-out FILE.json]
With --max-seconds the similarity step stops before a block that would end past the cap and
reports the rows done and a projection for all rows (each block multiplies its rows by all of
X, so the cost per row is about constant). --neighbours-out writes each row's neighbour indices
(best first, -1 past the last one), for tests on small inputs.
"""
import argparse
import json
import resource
import sys
import time

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer


def peak_rss_mb():
    # ru_maxrss is in kilobytes on Linux; MB here are 10^6 bytes, as in the Node side's table.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6


def cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def read_texts(path):
    with open(path, encoding="utf-8") as lines:
        return [json.loads(line)["text"] for line in lines if line.strip()]


def top_k_of_block(product, first_row, top_k):
    """Each row's top_k columns by similarity, the row's own document left out."""
    rows = product.shape[0]
    neighbours = np.full((rows, top_k), -1, dtype=np.int32)
    similarities = np.zeros((rows, top_k), dtype=np.float32)
    for r in range(rows):
        start, end = product.indptr[r], product.indptr[r + 1]
        columns = product.indices[start:end]
        values = product.data[start:end]
        not_self = columns != first_row + r
        columns, values = columns[not_self], values[not_self]
        if len(values) > top_k:
            keep = np.argpartition(-values, top_k - 1)[:top_k]
            columns, values = columns[keep], values[keep]
        order = np.argsort(-values, kind="stable")
        neighbours[r, : len(order)] = columns[order]
        similarities[r, : len(order)] = values[order]
    return neighbours, similarities


def blocked_top_k(matrix, top_k, block_rows, max_seconds):
    """Top-k neighbours per row of the cosine X·Xᵀ (rows of X are l2-normalised), block by block."""
    started = time.perf_counter()
    transposed = matrix.T.tocsr()
    rows = matrix.shape[0]
    neighbours = np.full((rows, top_k), -1, dtype=np.int32)
    similarities = np.zeros((rows, top_k), dtype=np.float32)
    rows_done = 0
    product_non_zeros = 0
    slowest_block = 0.0
    for first in range(0, rows, block_rows):
        elapsed = time.perf_counter() - started
        # The first block always runs, so a capped run still measures something to project from.
        if max_seconds is not None and rows_done > 0 and elapsed + slowest_block > max_seconds:
            break
        block_started = time.perf_counter()
        product = (matrix[first : first + block_rows] @ transposed).tocsr()
        product_non_zeros += product.nnz
        last = min(rows, first + block_rows)
        neighbours[first:last], similarities[first:last] = top_k_of_block(product, first, top_k)
        del product
        rows_done = last
        slowest_block = max(slowest_block, time.perf_counter() - block_started)
    return time.perf_counter() - started, rows_done, product_non_zeros, neighbours[:rows_done]


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("texts")
    parser.add_argument("--top-k", type=int, default=20)
    parser.add_argument("--block-rows", type=int, default=2000)
    parser.add_argument("--max-seconds", type=float, default=None)
    parser.add_argument("--neighbours-out", default=None)
    args = parser.parse_args(argv)

    texts = read_texts(args.texts)
    started = time.perf_counter()
    matrix = TfidfVectorizer(sublinear_tf=True, smooth_idf=True, norm="l2").fit_transform(texts)
    vectorize_seconds = time.perf_counter() - started
    documents, terms = matrix.shape
    del texts

    cpu_started = cpu_seconds()
    similarity_seconds, rows_done, product_non_zeros, neighbours = blocked_top_k(matrix, args.top_k, args.block_rows, args.max_seconds)
    if args.neighbours_out is not None:
        with open(args.neighbours_out, "w", encoding="utf-8") as out:
            json.dump(neighbours.tolist(), out)
    similarity_cpu_seconds = cpu_seconds() - cpu_started
    complete = rows_done == documents
    projected = similarity_seconds if complete else similarity_seconds * documents / rows_done
    print(json.dumps({
        "documents": documents,
        "terms": terms,
        "vectorizeSeconds": vectorize_seconds,
        "similaritySeconds": similarity_seconds,
        "similarityCpuSeconds": similarity_cpu_seconds,
        "peakRssMb": peak_rss_mb(),
        "topK": args.top_k,
        "blockRows": args.block_rows,
        "rowsDone": rows_done,
        "complete": complete,
        "projectedSimilaritySeconds": projected,
        "productNonZeros": product_non_zeros,
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
