print("lede")
