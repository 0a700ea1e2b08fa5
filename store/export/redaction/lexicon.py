"""Words the detectors look for: surnames, the labels people put before personal data, couriers.

Data, not logic: each list is what complaint writers actually type (Chinese and English), longest
forms first where one label contains another.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _list(text: str) -> tuple[str, ...]:
    return tuple(text.split("|"))


# The common single-character surnames (together they cover well over 95% of people) and the
# compound ones; a name after 收件人/快递员… is only taken when it starts with one of these.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    "常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季"
    "裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄"
    "窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池"
    "查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆"
    "朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫"
    "杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧"
    "闭由"
)
COMPOUND_SURNAMES = _words(
    "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 令狐 夏侯 长孙 宇文 司徒 端木 独孤 "
    "南宫 西门 百里 呼延 轩辕 申屠 太史 闻人 濮阳 澹台 公冶 钟离 宗政 拓跋 "
)
# Characters that end a name read after a label: particles, pronouns and verbs that follow names
# (not characters common in given names such as 明, 小, 可 or 刚).
NOT_IN_NAME = frozenset(
    "的了在到于去往从是为和与及把给被让将会要也都就还又不没寄送住搬放至由向对说称讲问答告诉已先女姐师老哥叔阿姨"
    "电打态很非直今昨再并但却只拒签收取联回表承通确帮处负接这那个们您你我他她它啥哪谁什么怎着过吗呢吧啊呀嘛哦"
    "等用叫请来"
)
# Two-character words that start right after a name: the first character is not the name's.
WORDS_AFTER_NAME = _words(
    "明天 上午 上门 上班 下午 下单 下班 中午 晚上 早上 一直 一起 马上 立刻 本人 以后 "
    "之后 当天 多次 后来 同意 同样 现在 刚才 正在 亲自 每次 总是 居然 竟然 始终 反复 "
    "连续 仍然 家里 说明 "
)
# Words that start with a surname's character but are not names (收件人何时…, 快递员马上…).
NOT_NAMES = _words(
    "解释 申请 查询 查看 单方面 周末 那边 全天 全程 "
    "何时 何处 何日 何必 何况 马上 高兴 高度 方便 方面 方式 方法 全部 全都 全是 全额 "
    "全款 和我 和他 和她 和你 向我 向他 向她 向你 于是 都是 都在 都没 都不 都会 都要 "
    "时间 时候 常常 常见 明明 明天 明确 正在 正是 正常 正品 连续 连着 原来 原因 原价 "
    "成功 成了 能否 能够 安排 安装 安全 文件 文字 金额 国家 国内 平台 平时 海关 海外 "
    "关于 关注 关键 华为 宁愿 宁可 毛病 强调 强制 单号 单独 单位 项目 车辆 门口 门卫 "
    "卫生 包裹 包装 简单 白天 应该 应当 尚未 路上 司机 信息 居然 居住 任何 任务 万一 "
    "从来 于是 只有 史上 江湖 云端 花费 钱款 费用 付款 付了 姜还 相关 相同 相信 初次 "
    "初步 水电 季度 冷静 危险 程序 程度 邮寄 邮件 党员 商家 商品 商场 晚上 早上 左右 "
    "上门 下午 严重 严格 谷歌 石头 毕竟 伍佰 丰富 支付 支持 计划 计算 索赔 宣传 晋级 "
    "容易 来电 来了 敬请 普通 阿里 那个 修改 修理 印象 "
)
TITLES = ("先生", "女士", "小姐", "太太", "老师", "师傅", "经理", "阿姨", "同学")

# Pinyin syllables a name written in Latin letters starts with (surname first or last).
PINYIN_SURNAMES = _words(
    "wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin luo gao zheng liang xie "
    "song tang han feng deng cao peng zeng xiao tian dong yuan pan yu jiang cai du ye cheng su wei lv "
    "lyu lu ding ren shen yao cui zhong tan wang fan jin shi liao jia xia fu fang bai zou meng xiong qin "
    "qiu yin xue yan duan lei hou long shi tao li he gu mao hao gong shao wan qian yan tan wu dai mo "
    "kong xiang tang chang wen kang shi niu ge xing an qi qiao wu pang ni zhuang nie zhang yue zhai zhan "
    "shen ou geng guan lan jiao yu zuo liu gan zhu bao ning shang shu ruan ke ji mei tong ling bi shan "
    "pei huo tu miao sheng qu weng ran luo lan lu xin jin guan chai bao hua pu rao jie mu ai you yang "
    "nong zhuo lou dou ouyang situ sima shangguan zhuge dongfang "
)

LABELS_NAME_ZH = _list(
    "快递员|快递小哥|快递哥|派件员|配送员|送货员|骑手|外卖员|收件人|收货人|寄件人|发件人|联系人|经办人|办理人|"
    "签收人|代收人|持卡人姓名|持卡人|开户名|户名|姓名|名字叫|我叫|"
    "本人叫|本人|名叫|业务员|安装师傅|维修师傅|车主|业主|户主|投诉人|申请人|当事人|委托人|代理人|买家|收款人|付款人|账户名"
)
LABELS_NAME_EN = _list(
    "the courier|courier|delivery man|deliveryman|driver|recipient|addressee|contact person|contact|"
    "sender|my name is|name|signed|signed by|cardholder|account name|account holder|payee|consignee|"
    "spoke with|spoke to|talked to|talked with|named|mr|mrs|ms|miss"
)
LABELS = {
    "wechat": _list(
        "微信号|微信ID|微信id|微信|威信|薇信|V信|v信|VX|vx|Vx|WX|wx|加V|加v|WeChat ID|WeChat|Wechat|wechat|weixin"
    ),
    "qq": _list("QQ号码|QQ号|QQ|qq号|qq|Qq|扣扣号|扣扣|企鹅号"),
    "phone": _list(
        "手机号码|手机号|手机|电话号码|联系电话|电话|联系方式|座机|固话|回拨号码|tel|Tel|TEL|phone number|phone|"
        "Phone|mobile|Mobile|"
        "cell|landline"
    ),
    "id_card": _list(
        "身份证号码|身份证号|身份证|证件号码|证件号|ID card number|ID card no|ID card|ID number|ID No|id number"
    ),
    "passport": _list("护照号码|护照号|护照|passport number|passport no|Passport No|passport|Passport"),
    "permit": _list(
        "往来港澳通行证|港澳通行证|往来台湾通行证|台湾通行证|通行证|回乡证|台胞证|居住证|HK/Macau permit|"
        "permit number|permit"
    ),
    "bank_card": _list(
        "银行卡号|银行卡|银行账号|收款账号|储蓄卡|信用卡|借记卡|工行卡|建行卡|农行卡|中行卡|招行卡|卡号|账号|"
        "card number|card no|bank card|card|"
        "account number"
    ),
    "order": _list(
        "订单号码|订单编号|订单号|订单|交易单号|交易号|商户单号|支付单号|流水号|售后单号|售后单|服务单号|退款单号|"
        "退货单号|工单号|工单编号|工单|投诉编号|投诉单号|受理编号|受理号|"
        "案件编号|案件号|售后编号|退款编号|服务编号|申请编号|受理单号|业务单号|交易流水号|支付流水号|"
        "order number|order no|order ID|order id|order|Order|ticket number|ticket|case number|"
        "reference number|ref. no|Ref.|ref"
    ),
    "tracking": _list(
        "运单号码|运单号|运单|快递单号|快递号|物流单号|物流号|快递单|面单号|邮政单号|tracking number|tracking no|"
        "tracking|waybill number|"
        "waybill"
    ),
    "profile": _list(
        "小红书号|小红书ID|小红书id|小红书|抖音号|抖音ID|抖音|快手号|微博ID|微博号|微博|B站UID|B站ID|UID|uid|"
        "闲鱼号|淘宝ID|旺旺号|旺旺|知乎ID|豆瓣ID|淘宝账号|京东账号|支付宝账号|拼多多账号|闲鱼账号|用户名|用户ID|"
        "Xiaohongshu ID|Xiaohongshu|xhs ID|xhs|RED ID|Douyin ID|Douyin|TikTok|Weibo ID|Weibo|Bilibili UID"
    ),
}
COURIERS = _list(
    "顺丰速运|顺丰快递|顺丰|圆通速递|圆通快递|圆通|中通快递|中通|申通快递|申通|韵达快递|韵达|极兔速递|极兔快递|"
    "极兔|京东物流|京东快递|德邦快递|德邦|百世快递|百世|邮政快递|"
    "邮政EMS|中国邮政|邮政|EMS|菜鸟|宅急送|丰网|ZTO|STO|YTO|J&T"
)
# Labels of product identifiers: a serial or model number is a product detail and stays as written.
LABELS_PRODUCT = _list(
    "IMEI|MEID|SN|S/N|序列号|串号|型号|批号|批次号|条码|条形码|商品编号|商品ID|SKU|货号|款号|serial number|model"
)
LABELS_AGENT = _list(
    "客服工号|渠道工号|员工工号|工号|员工编号|员工号|坐席号|客服编号|客服ID|客服id|agent ID|Agent ID|agent id|"
    "agent|Agent|staff ID|"
    "Staff ID|staff no|employee ID|operator"
)
LABELS_ADDRESS_ZH = _list(
    "收货地址|收件地址|寄件人地址|寄件地址|寄回地址|退货地址|家庭住址|家庭地址|详细地址|新地址|住址|地址|家住|"
    "住在|我家在|我住|送到|寄到|寄往|送至|寄至"
)
LABELS_ADDRESS_EN = _list(
    "return address|address|Address|ship to|ship it to|deliver to|delivered to|live at|lives at|send it to"
)
