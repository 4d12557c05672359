print("wastesort")
