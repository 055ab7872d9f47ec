import RigorKit
print(rigorVersion)
