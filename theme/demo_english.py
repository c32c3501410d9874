# ruff: noqa: E501 - a table of translations reads best one entry a line
"""English for the demo pages: Chinese segment text → the English an editor enters in wagtail-localize.

Keys are the exact texts of the demo pages' translatable segments (titles, summaries, block text).
Slugs, names, phone numbers and prices that read the same in both languages are not listed: the
translation keeps the Chinese segment, which is what an editor would do.
"""

PAGES = {
    # What the demo pictures show (listing_image_alt of the pages that use them)
    "圣菲漫步小区的三栋住宅楼，阳光下窗明几净。": "Three residential buildings of Shengfei Manbu, bright and clean in the sunshine.",
    "党群服务站里，讲师在讲台上授课，居民坐在台下听讲。": (
        "A lecturer teaches from the stage of the Party and community service station while residents listen."
    ),
    "公益食堂的一碗热腾腾的饭菜和一双筷子。": "A steaming bowl of food and a pair of chopsticks at the community canteen.",
    "护理员上门，握着老人的手聊天。": "A carer on a home visit holds an elderly resident's hand as they talk.",
    "飘扬的五星红旗和党群服务站的展板。": (
        "The five-star red flag flying beside the notice boards of the Party and community service station."
    ),
    "擦得透亮的窗户和保洁员的扫帚。": "A sparkling clean window and a cleaner's broom.",
    "家庭医生在党群服务站坐诊，旁边是红十字标志。": (
        "A family doctor holds a clinic at the Party and community service station, beside a red cross sign."
    ),
    "红管家在楼道里检修漏水的水管。": "A red steward repairs a leaking pipe in a stairwell.",
    # Home page
    "民呼我应": "The people call, we respond",
    "近期活动": "Upcoming events",
    "党建引领 红色物业": "Party-led red property service",
    "鸢都红管家先进党组织 · 齐鲁红色物业星级服务企业 · 绿色智慧住区示范项目": (
        "Advanced Party Organisation of Yuandu Red Stewards · Qilu Red Property star-rated company · "
        "Green smart residential demonstration project"
    ),
    "了解党建引领": "About our Party-led service",
    "物业服务满意率": "residents satisfied",
    "累计报事报修": "requests handled since 2018",
    "上半年线上报事报修": "online requests in the first half-year",
    "微网格红管家": "micro-grid red stewards",
    "件": "cases",
    "条": "cases",
    "名": "people",
    "个": "grids",
    "新闻动态": "News",
    "圣菲漫步小区的住宅楼，阳光下窗明几净。": "Homes of the Shengfei Manbu community in the sunshine.",
    "圣菲漫步小区 · 8个微网格、8名专职红管家": "Shengfei Manbu · 8 micro-grids, 8 full-time red stewards",
    "社区通知": "Community notices",
    "党建动态": "Party-building news",
    # Party-building
    "党支部引领，“枝叶关情 潍美家园”红色物业服务品牌。": (
        "Led by the Party branch: the “Caring Branches and Leaves · Beautiful Weifang Homes” red property brand."
    ),
    "围绕服务抓党建，抓好党建促治理": "Party building around service, good governance through Party building",
    "博悦物业党支部自2020年7月成立以来，在潍城区委组织部、潍城区住建局、北关街道党工委的指导下，"
    "在圣菲漫步小区建起“家门口”党群服务站。党支部定期在“近邻议事厅”召开党群联席会，"
    "引导业主协调解决家中事和小区事，实现“邻里事、邻里议、邻里定”。": (
        "Since it was founded in July 2020, the Boyue Property Party branch — guided by the Weicheng District "
        "Party Organisation Department, the district housing bureau and the Beiguan Subdistrict Party Working "
        "Committee — has built a “doorstep” Party and community service station in Shengfei Manbu. In the "
        "Neighbourhood Council the branch regularly holds joint meetings with residents, helping owners settle "
        "matters at home and in the community: “neighbours’ matters, discussed and decided by neighbours”."
    ),
    "服务成效": "Results",
    "已解决": "Resolved",
    "微网格 · 专职红管家": "micro-grids · full-time red stewards",
    "荣誉": "Honours",
    "鸢都红管家 先进党组织": "Yuandu Red Steward · Advanced Party Organisation",
    "公司党支部被评为潍坊市物业服务行业“鸢都红管家”先进党组织。": (
        "The company’s Party branch was named an advanced “Yuandu Red Steward” Party organisation of "
        "Weifang’s property-service sector."
    ),
    "齐鲁红色物业 星级服务企业": "Qilu Red Property · Star-rated service company",
    "7月28日，公司被认定为山东省首批“齐鲁红色物业”星级服务企业。": (
        "On 28 July the company was recognised among Shandong’s first star-rated “Qilu Red Property” service companies."
    ),
    "绿色智慧住区示范项目": "Green smart residential demonstration project",
    "圣菲漫步2017年获评山东省绿色智慧住区示范项目，2018年通过二星级验收。": (
        "Shengfei Manbu became a Shandong green smart residential demonstration project in 2017 and passed "
        "two-star acceptance in 2018."
    ),
    "通过这款APP，我们不管是购买物品，还是参加社区的线上活动，都非常便捷，这才是我想要的社区生活。": (
        "With this app, whether we are buying things or joining the community’s online activities, everything "
        "is easy. This is the community life I want."
    ),
    "圣菲漫步业主 王先生": "Mr Wang, Shengfei Manbu resident",
    "“微网格”红管家服务": "“Micro-grid” red steward service",
    "8个微网格、8名专职红管家、4名综合管家。": "8 micro-grids, 8 full-time red stewards, 4 general stewards.",
    "“微网格”红管家": "“Micro-grid” red stewards",
    "圣菲漫步小区共8个微网格，对应8个专职红管家，另有4名综合管家配合协调。红管家担任网格长，"
    "监督网格内秩序维护、环境保洁、绿化养护等基础服务质量，每季度对常住业主至少走访1次，上门问需问计问效。": (
        "Shengfei Manbu has 8 micro-grids with 8 full-time red stewards, helped by 4 general stewards. Each "
        "red steward leads a grid, watches over order, cleaning and green care in it, and visits every "
        "resident household at least once a quarter to ask what they need and how the service is doing."
    ),
    "常见问题": "Frequently asked questions",
    "怎么找到我的红管家？": "How do I find my red steward?",
    "按楼栋查找所在微网格，页面会显示红管家的工作电话。": (
        "Look up your building to find its micro-grid; the page shows your red steward’s work phone."
    ),
    "独居老人有人照看吗？": "Does anyone look after older people living alone?",
    "红管家对孤寡老人、困难群众常态化联系帮扶，节日上门慰问。": (
        "Red stewards stay in regular touch with older people living alone and families in difficulty, "
        "and visit them on holidays."
    ),
    # News
    "党建动态与社区通知。": "Party-building news and community notices.",
    "博悦物业获评首批“齐鲁红色物业”星级服务企业": "Boyue Property among the first star-rated “Qilu Red Property” companies",
    "山东省住房和城乡建设厅认定首批“齐鲁红色物业”星级服务企业，山东博悦物业管理有限公司名列其中。": (
        "The Shandong Department of Housing and Urban-Rural Development named its first star-rated “Qilu Red "
        "Property” service companies; Shandong Boyue Property Management Co., Ltd. is among them."
    ),
    "“齐鲁红色物业”建设调研活动走进潍坊": "The “Qilu Red Property” research tour comes to Weifang",
    "省住建厅联合齐鲁晚报·齐鲁壹点推出的“齐鲁红色物业”建设调研活动第二站走进潍坊，来到圣菲漫步小区。": (
        "The second stop of the “Qilu Red Property” research tour, run by the provincial housing department with "
        "Qilu Evening News, came to Weifang and the Shengfei Manbu community."
    ),
    "上半年处置线上报事报修958条": "958 online requests handled in the first half-year",
    "今年上半年，圣菲漫步小区共处置房屋漏水与裂缝维修、下水道堵塞、车位出入与租赁、公区路灯故障等"
    "线上报事报修958条，来电来访1200余次，应答12345热线工单40余件。": (
        "In the first half-year Shengfei Manbu handled 958 online requests (leaks, blocked drains, parking, "
        "broken lights), 1,200+ calls and visits and 40+ orders from the 12345 city hotline."
    ),
    "高温天里的红管家：上门看望独居老人": "Red stewards in the heatwave: visiting older people who live alone",
    "持续高温天，网格红管家上门看望72岁的庞大爷，每逢周一还与老人外地的儿女通个电话。": (
        "During the heatwave the grid’s red steward called on 72-year-old Mr Pang at home, and every Monday "
        "phones his children who live in another city."
    ),
    "物业服务向公益食堂、居家养老延伸": "Property service extends to a community canteen and home elderly care",
    "博悦物业将大力推动物业服务向公益食堂、居家养老、家庭医生、定制保洁等民生领域延伸。": (
        "Boyue Property is extending its service into everyday needs: a community canteen, home elderly care, "
        "family doctors and custom cleaning."
    ),
    # Events
    "博悦大讲堂、近邻议事厅、业主恳谈会。": "Boyue Lecture Hall, Neighbourhood Council, Owners’ Forum.",
    "博悦大讲堂：学校招生片区划分政策解读": "Boyue Lecture Hall: school catchment areas explained",
    "区教育局工作人员到“家门口”党群服务站，为业主一对一讲解招生片区划分政策。": (
        "Staff of the district education bureau come to the doorstep service station to explain school "
        "catchment areas to owners one by one."
    ),
    "圣菲漫步“家门口”党群服务站": "Shengfei Manbu “doorstep” Party and community service station",
    "潍城区教育局工作人员": "Staff of the Weicheng District education bureau",
    "圣菲漫步、北京公馆、水清木华、恒信御峰业主": "Owners of Shengfei Manbu, Beijing Gongguan, Shuiqing Muhua and Hengxin Yufeng",
    "签到": "Sign in",
    "主题讲解 / 议题介绍": "Talk / introduction of the topic",
    "业主提问与讨论": "Questions and discussion",
    "形成问题清单、服务清单": "Lists of problems and of services agreed",
    "业主对学校招生片区划分不理解": "Owners did not understand the school catchment areas",
    "街道、社区邀请区教育局一对一讲解政策": "Subdistrict and community invited the education bureau to explain one by one",
    "疑惑当场解答，业主满意": "Questions answered on the spot; owners satisfied",
    "个别家庭有特殊求学需求": "Some families had special schooling needs",
    "现场登记，由教育局跟进处理": "Registered on the spot and followed up by the bureau",
    "已逐户回复": "Every family has had an answer",
    "区教育局工作人员对相关小区业主进行了一对一政策讲解和求学需求处理，解答了业主心中的疑惑。": (
        "Education bureau staff explained the policy to each owner and took up their schooling needs, answering "
        "their questions."
    ),
    "近邻议事厅：飞线充电整治": "Neighbourhood Council: ending unsafe e-bike charging cables",
    "邻里事、邻里议、邻里定：电动车飞线充电怎么治。": (
        "Neighbours discuss and decide: how to stop e-bikes being charged from cables hung out of windows."
    ),
    "黄世如（党支部书记）": "Huang Shiru (Party branch secretary)",
    "圣菲漫步业主代表、网格红管家": "Shengfei Manbu owners’ representatives and grid red stewards",
    "楼道飞线充电有火灾隐患": "Charging cables in stairwells are a fire risk",
    "增设公区电动车充电桩，红管家逐栋排查": "More e-bike chargers in shared areas; red stewards checked every building",
    "飞线清零，业主满意": "No more hanging cables; owners satisfied",
    "充电桩数量不够": "Not enough chargers",
    "应答12345热线工单，协调配套设施建设": "12345 hotline orders answered; new facilities arranged",
    "新增充电位，满意": "New charging spaces; satisfied",
    "变问题清单为服务清单、满意清单。": "Turning the list of problems into a list of services and of satisfied residents.",
    "“枝叶关情 潍美家园”业主恳谈会：供暖保障": "Owners’ Forum: keeping homes warm in winter",
    "现场处理业主问题、征集业主诉求。": "Owners’ problems handled on the spot and their requests collected.",
    "黄林峻（总经理）": "Huang Linjun (general manager)",
    "圣菲漫步全体业主": "All Shengfei Manbu owners",
    "部分楼栋供暖温度偏低": "Some buildings were too cold",
    "联系热力公司逐户测温、排气": "Heating company measured every flat and bled the radiators",
    "室温达标，满意": "Rooms warm enough; satisfied",
    "公区路灯故障": "Broken street lights in shared areas",
    "当周更换路灯": "Lights replaced the same week",
    "下水道堵塞反复": "Drains kept blocking",
    "疏通并定期巡检": "Cleared and now checked regularly",
    "满意": "Satisfied",
    "围绕供暖保障、隐患排查等民生实事，现场处理业主问题。": (
        "Everyday matters such as heating and safety checks, with owners’ problems handled on the spot."
    ),
    "博悦大讲堂：居家养老与家庭医生签约": "Boyue Lecture Hall: home elderly care and family doctors",
    "家庭医生讲解签约服务、慢病管理与居家养老。": (
        "A family doctor explains signing up with a doctor, managing chronic illness and care at home."
    ),
    "社区卫生服务中心医生": "Doctors of the community health centre",
    "60岁以上老人及家属": "Residents over 60 and their families",
    "近邻议事厅：车位出入与租赁": "Neighbourhood Council: parking access and rental",
    "车位出入与租赁问题，邻里一起议。": "Parking access and rental, discussed together by neighbours.",
    "圣菲漫步业主代表": "Shengfei Manbu owners’ representatives",
    "党群联席会：公益食堂开办方案": "Joint Party–residents meeting: plans for the community canteen",
    "与街道、社区共商公益食堂开办方案。": "Planning the community canteen with the subdistrict and the community.",
    "北关街道党工委、博悦物业党支部": "Beiguan Subdistrict Party Working Committee and the Boyue Property Party branch",
    "社区、街道、业主代表": "Community, subdistrict and owners’ representatives",
    "业主恳谈会：小区环境提升": "Owners’ Forum: a better-looking community",
    "征集业主诉求，共建美丽家园。": "Hearing what owners want, to build a beautiful home together.",
    # Services
    "公益食堂、居家养老、家政保洁、家庭医生。": "Community canteen, home elderly care, housekeeping, family doctor.",
    "为老人和居民提供实惠、卫生的一日三餐。": "Affordable, clean meals for older people and other residents.",
    "为老人和居民提供实惠、卫生的午餐和晚餐。": "Affordable, clean lunches and dinners for older people and other residents.",
    "圣菲漫步公益食堂": "Shengfei Manbu community canteen",
    "60岁以上老人午餐8元，其他居民12元。": "Lunch ¥8 for residents over 60, ¥12 for other residents.",
    "位于党群服务站一楼，每天供应早、午、晚餐，可为行动不便的老人送餐上门。": (
        "On the ground floor of the service station, serving breakfast, lunch and dinner every day; meals "
        "delivered to older people who cannot easily come."
    ),
    "位于党群服务站一楼，每天供应午餐和晚餐，可为行动不便的老人送餐上门。": (
        "On the ground floor of the service station, serving lunch and dinner every day; meals delivered to "
        "older people who cannot easily come."
    ),
    "老人午餐": "Lunch, over 60",
    "凭老年证": "with a senior card",
    "居民午餐": "Lunch, other residents",
    "送餐上门": "Meal delivery",
    "8元": "¥8",
    "12元": "¥12",
    "2元/次": "¥2 per delivery",
    "限本小区": "this community only",
    "王师傅": "Master Wang",
    "圣菲漫步党群服务站一楼": "Ground floor, Shengfei Manbu service station",
    "圣菲漫步及周边小区居民；60岁以上老人凭老年证享受优惠。": (
        "Residents of Shengfei Manbu and nearby communities; residents over 60 pay less with a senior card."
    ),
    "法定节假日照常营业。": "Open on public holidays too.",
    "老人 ¥8 / 其他居民 ¥12": "over 60 ¥8 / others ¥12",
    "助餐、助洁、助浴、陪诊，让老人在家门口安享晚年。": (
        "Meals, cleaning, bathing and company to the doctor, so older people can live well at home."
    ),
    "居家养老上门服务": "Home elderly care visits",
    "助餐、助洁、助浴、陪诊，红管家协助预约。": "Meals, cleaning, bathing, company to the doctor; red stewards help book.",
    "专业护理员上门，为独居、高龄老人提供生活照料和精神慰藉。": (
        "Trained carers visit older people who live alone or are very old, helping with daily life and keeping them company."
    ),
    "助洁 1 小时": "Cleaning help, 1 hour",
    "40元": "¥40",
    "助浴 1 次": "Bathing help, once",
    "60元": "¥60",
    "陪诊半天": "Company to the doctor, half a day",
    "80元": "¥80",
    "李娟": "Li Juan",
    "圣菲漫步 3 号楼底商": "Shop on the ground floor of Shengfei Manbu building 3",
    "60岁以上老人，独居、困难老人优先。": "Residents over 60; those living alone or in difficulty first.",
    "周末可预约。": "Weekend visits by appointment.",
    "家政 / 定制保洁": "Housekeeping / custom cleaning",
    "日常保洁、深度保洁、开荒保洁，按需定制。": "Regular, deep and move-in cleaning, tailored to you.",
    "定制保洁": "Custom cleaning",
    "持证保洁员，自带工具和环保清洁剂，服务后由业主评价。": (
        "Certified cleaners bring their own tools and eco-friendly products; owners rate each visit."
    ),
    "日常保洁 2 小时": "Regular cleaning, 2 hours",
    "深度保洁 100㎡": "Deep cleaning, 100 m²",
    "360元": "¥360",
    "油烟机清洗": "Cooker hood cleaning",
    "120元": "¥120",
    "赵敏": "Zhao Min",
    "圣菲漫步、卡纳圣菲业主。": "Owners in Shengfei Manbu and Kana Shengfei.",
    "家庭医生签约、慢病随访、健康咨询。": "Sign up with a family doctor, chronic-illness follow-up, health advice.",
    "家庭医生签约服务": "Family doctor sign-up",
    "社区家庭医生团队签约，慢病随访、健康咨询。": (
        "Sign up with the community family-doctor team: chronic-illness follow-up and health advice."
    ),
    "与社区卫生服务中心合作，每周二、四在党群服务站坐诊。": (
        "With the community health centre: doctors see residents at the service station every Tuesday and Thursday."
    ),
    "基础签约": "Basic sign-up",
    "免费": "Free",
    "医保政策内": "covered by medical insurance",
    "上门随访": "Home follow-up visit",
    "30元/次": "¥30 per visit",
    "社区卫生服务中心": "Community health centre",
    "党群服务站二楼": "First floor, service station",
    "辖区常住居民。": "Permanent residents of the area.",
    # Request forms
    "户内维修和公共区域问题都可以在这里提交，我们会在规定时限内响应。": (
        "Report repairs in your home or problems in shared areas here; we answer within the promised time."
    ),
    "我们只收集处理诉求所需的姓名、电话和地址，仅用于本次服务，办结一年后删除。": (
        "We collect only the name, phone number and address needed to handle your request, use them only for "
        "it, and delete them a year after it is closed."
    ),
    "投诉建议": "Complaints and suggestions",
    "您的意见是我们改进的动力。": "Your views help us do better.",
    "咨询": "Questions",
    "有疑问请留言，管家会尽快答复。": "Leave your question and a steward will answer soon.",
    "车位": "Parking",
    "车位占用、租用、乱停车都可以在这里反映。": "Tell us about blocked or rented parking spaces and bad parking here.",
    "服务预约": "Book a service",
    "预约公益食堂、居家养老、家政保洁和家庭医生服务。": (
        "Book the community canteen, home elderly care, housekeeping or a family doctor."
    ),
}

# The canteen's weekly menu.
DISHES = {
    "红烧肉": "Red-braised pork",
    "清炒油菜": "Stir-fried greens",
    "西红柿鸡蛋汤": "Tomato and egg soup",
    "米饭": "Rice",
    "馒头": "Steamed bread",
    "小米粥": "Millet porridge",
    "凉拌黄瓜": "Cucumber salad",
    "潍坊肉火烧": "Weifang meat flatbread",
    "白菜豆腐": "Cabbage with tofu",
    "紫菜汤": "Seaweed soup",
    "面条": "Noodles",
    "炒土豆丝": "Shredded potato stir-fry",
    "鱼香肉丝": "Yu-xiang shredded pork",
    "蒜蓉西兰花": "Garlic broccoli",
    "水饺": "Dumplings",
    "土豆炖牛肉": "Beef and potato stew",
    "炒芹菜": "Stir-fried celery",
    "玉米粥": "Corn porridge",
    "拌海带": "Kelp salad",
    "鸡腿": "Chicken leg",
    "麻婆豆腐": "Mapo tofu",
    "冬瓜汤": "Winter melon soup",
    "包子": "Steamed buns",
    "绿豆汤": "Mung bean soup",
    "朝天锅": "Weifang chaotian pot",
    "炒时蔬": "Seasonal vegetables",
    "打卤面": "Noodles with gravy",
    "凉拌菜": "Cold dishes",
}
