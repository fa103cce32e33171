"""A roster as townships send them: synonyms for headers, columns in another order, every kind of mistake."""

from openpyxl import Workbook

HEADERS = [
    "姓名",
    "公民身份号码",
    "联系电话",
    "村（社区）",
    "户号",
    "与户主关系",
    "网格",
    "住址",
    "性别",
    "民族",
    "备注",
]
# (name, id number, phone, village, household number, relation, grid, address, sex) and whether it imports
ROWS = [
    (
        "张三",
        "１１０１０５１９４９１２３１００２Ｘ",
        "+86 138 0013 8000",
        "东村",
        "001",
        "户主",
        "东村一网格",
        "东村1号",
        "女",
        True,
    ),
    ("张小三", "11010520100101007x", "", "东村", "001", "子", "东村一网格", "", "", True),  # lower-case x
    (
        "李四",
        "1101 0519 8005 1700 17",
        "0571-88001234",
        "新村",
        "001",
        "户主",
        "新村一网格",
        "新村1号",
        "男",
        True,
    ),
    (
        "王五",
        "110105198005170011",
        "13800138001",
        "东村",
        "002",
        "户主",
        "东村一网格",
        "东村2号",
        "",
        False,
    ),  # check digit
    ("赵六", "110105198002300012", "", "东村", "003", "户主", "东村一网格", "", "", False),  # 30 Feb
    ("钱七", "110105203001010010", "", "东村", "004", "户主", "东村一网格", "", "", False),  # born in 2030
    ("孙八", "11010519800517001", "", "东村", "005", "户主", "东村一网格", "", "", False),  # 17 characters
    ("", "110105198005170033", "", "东村", "006", "户主", "东村一网格", "", "", False),  # empty name
    ("周九", "1101052010010100 7x", "", "东村", "007", "户主", "东村一网格", "", "", False),  # repeats row 4
    ("吴十", "", "12345", "东村", "008", "户主", "东村一网格", "", "", False),  # bad phone
    ("阿依古丽·买买提", "650102199001010025", "13900139000", "西村", "001", "户主", "", "西村1号", "", True),
]
GOOD = sum(1 for r in ROWS if r[-1])
BAD = len(ROWS) - GOOD


def write_roster(path, rows=ROWS):
    wb = Workbook()
    ws = wb.active
    ws.append(["向城镇住户花名册（2026年11月）"])  # a title row above the headers, as townships do
    ws.append(HEADERS)
    for r in rows:
        ws.append([r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], "汉族", ""])
    wb.save(path)
    return path
