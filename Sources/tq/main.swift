print("tq")
