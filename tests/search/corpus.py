# ruff: noqa: E501 - one document per line reads best
"""A judged relevance set: realistic portal documents and what a resident's query should find.

Documents are of the portal's kinds (canteen menus, elderly care, housekeeping, repairs, meetings,
lectures, complaints). Judgments were written from the query's intent ("which pages would a
resident want for this?"), not from what the engine returns.
"""

# The sections the documents live in (they are found by searches too, so they are judged as well).
SECTIONS = {
    "home": ("枝叶关情 潍美家园", "the home page, whose introduction presents the 红管家 service"),
    "news": ("新闻动态", ""),
    "events": ("活动报名", ""),
    "services": ("社区服务", ""),
    "cat_canteen": ("长者食堂", "为六十岁以上老人提供午餐和送餐服务。"),
    "cat_elderly": ("居家养老", "上门探访、日间照料和养老补贴。"),
    "cat_house": ("家政保洁", "保洁、月嫂和家电清洗。"),
    "repairs": ("报事报修指南", "漏水、堵塞、电梯和照明等问题的报修方法。"),
}

# key: (kind, title, body); menus, elderly care and housekeeping are service listings, meetings and
# lectures are events, repairs are standard pages under 报事报修指南, complaints are news articles.
DOCUMENTS = {
    # Canteen menus
    "m1": (
        "menu",
        "长者食堂本周菜单（11月第4周）",
        "周一红烧鸡块、清炒油麦菜、紫米饭；周二清蒸鲈鱼、番茄炒蛋。六十岁以上老人凭卡就餐享受八折。",
    ),
    "m2": (
        "menu",
        "助餐点午餐预订须知",
        "圣菲漫步小区助餐点每天11:00至12:30供应午餐，行动不便的老年人可电话预订，送餐上门。",
    ),
    "m3": ("menu", "冬至饺子宴菜单", "冬至当天长者食堂供应三鲜水饺、羊肉萝卜水饺，欢迎居民带家人一起品尝。"),
    "m4": ("menu", "低盐少油健康餐", "食堂与社区卫生服务站合作，为高血压、糖尿病居民推出低盐少油套餐，每份12元。"),
    "m5": ("menu", "食堂就餐卡办理与充值", "就餐卡可在党群服务站办理，支持微信充值，遗失请及时到窗口挂失。"),
    "m6": ("menu", "本周早餐时间调整", "长者食堂因厨房设备检修，本周早餐供应时间调整为7:00至8:30，午餐不变。"),
    # Elderly care
    "e1": ("elderly", "居家养老上门服务", "红管家为独居、空巢老人提供定期探访、代买代办、助浴助洁等居家养老服务。"),
    "e2": (
        "elderly",
        "日间照料中心开放时间",
        "社区养老服务中心的日间照料区为长者提供午休、康复训练和文娱活动，周一至周五开放。",
    ),
    "e3": (
        "elderly",
        "高龄津贴申领指南",
        "八十周岁以上老年人可申请高龄津贴，携带身份证、户口本到社区办理，属于养老保障政策。",
    ),
    "e4": ("elderly", "养老服务补贴政策解读", "经济困难的失能、半失能老人可享受养老服务补贴，由第三方机构上门服务。"),
    "e5": ("elderly", "老年人防诈骗提醒", "提醒长者警惕保健品推销、冒充公检法的电话，遇到可疑情况请拨打110。"),
    "e6": ("elderly", "重阳节敬老活动回顾", "重阳节当天，微网格志愿者为社区老人理发、量血压，送上长寿面。"),
    # Housekeeping
    "h1": ("housekeeping", "家政服务预约", "提供日常保洁、深度保洁、擦玻璃、家电清洗等家政服务，可在线预约上门时间。"),
    "h2": ("housekeeping", "月嫂与育儿嫂推荐", "持证上岗的月嫂、育儿嫂，由物业审核背景并签订家政服务合同。"),
    "h3": ("housekeeping", "开荒保洁价格表", "新房开荒保洁按面积计价，包含门窗、厨卫、地面清洁。"),
    "h4": ("housekeeping", "家电清洗八折优惠", "本月家电清洗八折，油烟机、空调、洗衣机均可预约家政上门。"),
    "h5": ("housekeeping", "家政技能培训结业", "第三期家政服务技能培训圆满结业，二十名学员获得证书。"),
    "h6": ("housekeeping", "钟点工服务说明", "钟点工按小时计费，两小时起，可做饭、打扫卫生、照看老人。"),
    # Repairs
    "r1": (
        "repair",
        "卫生间漏水怎么办",
        "发现楼上卫生间渗水漏水，请先关闭总阀，再通过报事报修提交，维修人员两小时内上门。",
    ),
    "r2": ("repair", "下水管道堵塞疏通", "厨房、卫生间下水道堵塞可报修，物业提供管道疏通服务，人为堵塞收取材料费。"),
    "r3": ("repair", "报事报修流程", "线上提交、电话报修、红管家上门收集三种方式都可以报修，维修进度可随时查询。"),
    "r4": ("repair", "屋顶防水维修工程公告", "3号楼屋顶防水层老化导致顶层住户漏水，物业将于下周进行防水维修。"),
    "r5": ("repair", "电梯维修保养计划", "1至6号楼电梯本月例行维修保养，期间请走楼梯并注意安全。"),
    "r6": ("repair", "冬季水管防冻提示", "气温骤降，请包裹室外水管，防止冻裂漏水；水管冻裂请及时报修。"),
    "r7": ("repair", "楼道照明报修", "楼道灯不亮可以扫码报修，电工当天上门维修。"),
    # Meetings
    "t1": ("meeting", "近邻议事厅第十二期恳谈会", "围绕停车难问题，居民代表、业委会、物业在近邻议事厅面对面恳谈。"),
    "t2": ("meeting", "物业服务恳谈会纪要", "本次恳谈会收集意见23条，涉及绿化、保洁、停车，已逐条答复。"),
    "t3": ("meeting", "业主大会召开通知", "定于12月10日召开业主大会，审议物业费调整方案，请业主准时参加。"),
    "t4": ("meeting", "微网格楼栋长例会", "每月第一个周一召开微网格楼栋长例会，交流各网格的问题。"),
    "t5": ("meeting", "加装电梯协商会", "5号楼加装电梯协商会邀请全体住户参加，讨论费用分摊。"),
    "t6": ("meeting", "党建联席会议", "社区党委、物业党支部、业委会召开党建联席会议，部署红色物业工作。"),
    # Lectures
    "l1": ("lecture", "冬季养生健康讲座", "社区医院医生主讲冬季养生，讲解老年人饮食与运动。"),
    "l2": ("lecture", "防范电信诈骗专题讲座", "派出所民警讲解常见电信诈骗手段，现场解答居民疑问。"),
    "l3": ("lecture", "消防安全知识讲座", "消防员讲解家庭火灾预防与灭火器使用，并进行疏散演练。"),
    "l4": ("lecture", "家庭急救培训：心肺复苏", "红十字会培训师教授心肺复苏和AED使用，名额30人。"),
    "l5": ("lecture", "智能手机使用课堂", "志愿者教老年人用智能手机挂号、视频通话，讲座后一对一辅导。"),
    "l6": ("lecture", "垃圾分类宣讲", "讲解厨余垃圾、可回收物的分类方法，发放分类指南。"),
    # Complaints
    "c1": ("complaint", "投诉与建议受理", "对物业服务不满意可以投诉，24小时内回复，处理结果可以评价。"),
    "c2": ("complaint", "噪音扰民投诉处理结果", "关于夜间装修噪音的投诉，物业已约谈施工方，限定施工时间。"),
    "c3": ("complaint", "宠物扰民意见征集", "针对犬只不拴绳、随地便溺问题征集居民意见。"),
    "c4": ("complaint", "停车难投诉回复", "对地面停车位不足的投诉，物业将增设非机动车棚并规范停车。"),
    "c5": ("complaint", "物业服务满意度调查结果", "本年度满意度92%，主要意见集中在绿化和电梯维修响应。"),
    "c6": ("complaint", "12345热线转办件办理情况", "本季度受理12345热线转办投诉15件，全部办结。"),
}

# query: the documents a resident wants for it (set)
JUDGED = {
    # canteen
    "食堂": {"cat_canteen", "m1", "m2", "m3", "m4", "m5", "m6"},
    "shitang": {"cat_canteen", "m1", "m2", "m3", "m4", "m5", "m6"},
    "ＳＨＩＴＡＮＧ": {"cat_canteen", "m1", "m2", "m3", "m4", "m5", "m6"},
    "長者食堂": {"cat_canteen", "m1", "m3", "m6"},
    "菜单": {"m1", "m3"},
    "饺子": {"m3"},
    "就餐卡": {"m1", "m5"},
    "助餐": {"cat_canteen", "m1", "m2", "m3", "m4", "m5", "m6"},
    # elderly care
    "养老": {"cat_elderly", "e1", "e2", "e3", "e4"},
    "養老": {"cat_elderly", "e1", "e2", "e3", "e4"},
    "yanglao": {"cat_elderly", "e1", "e2", "e3", "e4"},
    "居家养老": {"cat_elderly", "e1"},
    "高龄津贴": {"e3"},
    "日间照料": {"cat_elderly", "e2"},
    "养老服务补贴": {"e4"},
    # housekeeping
    "家政": {"cat_house", "h1", "h2", "h3", "h4", "h5", "h6"},
    "jiazheng": {"cat_house", "h1", "h2", "h3", "h4", "h5", "h6"},
    "育儿嫂": {"h2"},
    "家電清洗": {"cat_house", "h1", "h4"},
    "钟点工": {"h6"},
    "开荒保洁": {"h3"},
    # repairs
    "漏水": {"repairs", "r1", "r4", "r6"},
    "漏水维修": {"repairs", "r1", "r4", "r6"},
    "loushui": {"repairs", "r1", "r4", "r6"},
    "堵塞": {"repairs", "r2"},
    "報修": {"repairs", "r1", "r2", "r3", "r4", "r5", "r6", "r7"},
    "電梯維修": {"repairs", "r5"},
    "防水": {"r4"},
    "管道疏通": {"r2"},
    # meetings
    "恳谈会": {"t1", "t2"},
    "懇談會": {"t1", "t2"},
    "kentanhui": {"t1", "t2"},
    "近邻议事厅": {"t1"},
    "业主大会": {"t3"},
    "楼栋长": {"t4"},
    "加装电梯": {"t5"},
    # lectures
    "讲座": {"l1", "l2", "l3", "l4", "l5", "l6"},
    "講座": {"l1", "l2", "l3", "l4", "l5", "l6"},
    "jiangzuo": {"l1", "l2", "l3", "l4", "l5", "l6"},
    "电信诈骗": {"l2"},
    "心肺复苏": {"l4"},
    "消防": {"l3"},
    # complaints
    "投诉": {"c1", "c2", "c4", "c6", "c5", "c3"},
    "噪音": {"c2"},
    "停车": {"t1", "t2", "c4"},
    "满意度": {"c5"},
    "12345": {"c6"},
    "红管家": {"home", "e1", "r3"},
}

#: Queries whose first result must be a given document (the title should win over the body).
FIRST = {
    "食堂": {"cat_canteen", "m1", "m5"},
    "养老": {"cat_elderly", "e1", "e4"},
    "恳谈会": {"t1", "t2"},
    "漏水维修": {"r1", "r4", "repairs"},
    "養老": {"cat_elderly", "e1", "e4"},
    "shitang": {"cat_canteen", "m1", "m5"},
}
