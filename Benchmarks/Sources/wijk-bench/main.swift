print("wijk-bench: see Benchmarks/README.md")
