from marsad.cluster.events import cluster_events
from marsad.types import Article, Event, Mention, Timex

DAM_SIGNING = ("وقعت مصر والسودان وإثيوبيا اليوم الاثنين في الخرطوم اتفاق مبادئ حول سد النهضة الإثيوبي ينظم "
               "ملء خزان السد وتشغيله. وحضر مراسم التوقيع رؤساء الدول الثلاث في قصر الرئاسة بالخرطوم. "
               "وينص الاتفاق على تشكيل لجنة فنية مشتركة لدراسة آثار السد على دولتي المصب مصر والسودان.")
DAM_REPORT = ("اتفاق مبادئ سد النهضة: رؤساء مصر والسودان وإثيوبيا يوقعون في الخرطوم وثيقة تنظم ملء خزان السد. "
              "وقال الرئيس الإثيوبي في قصر الرئاسة بالخرطوم إن الاتفاق يحفظ حقوق دولتي المصب. "
              "وتتولى لجنة فنية مشتركة من الدول الثلاث دراسة آثار السد وتشغيل الخزان.")
DAM_FOLLOW_UP = ("بدأت إثيوبيا الملء الثاني لخزان سد النهضة رغم اعتراض مصر والسودان، بعد أشهر من توقيع اتفاق "
                 "المبادئ في الخرطوم. وقالت القاهرة إن الملء الأحادي لخزان السد يخالف الاتفاق وإن اللجنة الفنية "
                 "المشتركة لم تجتمع منذ شهور، فيما دعت الخرطوم إلى وساطة دولية حول تشغيل السد.")
QUAKE = ("ضرب زلزال بقوة ست درجات جزيرة سومطرة الإندونيسية فجر اليوم وأدى إلى انهيار مبان وانقطاع الكهرباء. "
         "وقالت هيئة الأرصاد إن مركز الهزة كان في البحر على عمق عشرة كيلومترات ولم يصدر تحذير من تسونامي. "
         "وأجلت فرق الإنقاذ مئات السكان من القرى الساحلية إلى ملاجئ مؤقتة.")


def _article(article_id: str, text: str, published: str, source: str = "A", title: str | None = None,
             duplicate_of: str | None = None) -> Article:
    return Article(id=article_id, text=text, source=source, published=published, title=title,
                   duplicate_of=duplicate_of)


def _corpus() -> list[Article]:
    return [
        _article("quake", QUAKE, "2015-03-23", "C"),
        _article("follow", DAM_FOLLOW_UP, "2015-09-10", "A"),
        _article("sign", DAM_SIGNING, "2015-03-23", "A", title="مصر والسودان وإثيوبيا توقع اتفاق مبادئ سد النهضة"),
        _article("report", DAM_REPORT, "2015-03-24", "B"),
    ]


def _event_of(events: list[Event]) -> dict[str, str]:
    return {a: e.id for e in events for a in e.articles}


def test_same_event_across_outlets_and_different_events_apart() -> None:
    events, _ = cluster_events(_corpus())
    event_of = _event_of(events)
    assert event_of["sign"] == event_of["report"]
    assert len({event_of["sign"], event_of["quake"], event_of["follow"]}) == 3


def test_follow_up_months_later_joins_the_story_not_the_event() -> None:
    events, stories = cluster_events(_corpus())
    by_id = {e.id: e for e in events}
    event_of = _event_of(events)
    signing, follow_up, quake = (by_id[event_of[a]] for a in ("sign", "follow", "quake"))
    assert signing.story == follow_up.story != quake.story
    story = next(s for s in stories if s.id == signing.story)
    assert story.events == (signing.id, follow_up.id)  # time order
    assert signing.title == "مصر والسودان وإثيوبيا توقع اتفاق مبادئ سد النهضة"


def test_ids_in_creation_order_by_publication_date() -> None:
    events, stories = cluster_events(_corpus())
    assert [e.id for e in events] == ["v1", "v2", "v3"]
    assert [e.articles for e in events] == [("quake",), ("sign", "report"), ("follow",)]
    assert [s.id for s in stories] == ["s1", "s2"]


def test_syndicated_copy_joins_its_original_whatever_its_text() -> None:
    corpus = [*_corpus(), _article("copy", QUAKE[:60], "2015-03-26", "D", duplicate_of="sign")]
    event_of = _event_of(cluster_events(corpus)[0])
    assert event_of["copy"] == event_of["sign"]


def test_deterministic_for_one_input_order() -> None:
    first = cluster_events(_corpus())
    assert cluster_events(_corpus()) == first


def test_event_date_from_the_leads_timexes_else_first_publication() -> None:
    timexes = {
        "sign": [Timex("sign", 27, 40, "اليوم الاثنين", "2015-03-23")],
        "report": [Timex("report", 0, 4, "أمس الاثنين", "2015-03-23"), Timex("report", 5, 9, "2014", "2014")],
    }
    events, _ = cluster_events(_corpus(), timexes=timexes)
    signing = next(e for e in events if "sign" in e.articles)
    assert signing.date == "2015-03-23"
    assert signing.date_evidence == ("اليوم الاثنين", "أمس الاثنين")
    follow_up = next(e for e in events if "follow" in e.articles)
    assert (follow_up.date, follow_up.date_evidence) == ("2015-09-10", ())


SHELLING = ("قتل خمسة مدنيين بينهم طفلان وأصيب عشرة آخرون في قصف مدفعي استهدف صباح اليوم بلدة كفر الزيتون "
            "الحدودية. وقال شهود إن القذائف سقطت على سوق البلدة المكتظ وأحرقت عددا من المحال. "
            "وهرعت سيارات الإسعاف إلى كفر الزيتون لنقل الجرحى إلى مستشفى المدينة.")
SHELLING_REPORT = ("سقطت قذائف مدفعية على سوق بلدة كفر الزيتون الحدودية صباح اليوم فقتلت خمسة مدنيين بينهم طفلان "
                   "وأصابت عشرة. وأفاد سكان بأن النيران أحرقت محال في السوق وأن سيارات الإسعاف نقلت الجرحى.")
CONDEMNATION = ("أدانت وزارة الخارجية اليوم القصف المدفعي الذي استهدف سوق بلدة كفر الزيتون الحدودية وأدى إلى "
                "مقتل خمسة مدنيين بينهم طفلان. وطالبت الوزارة في بيان بتحقيق دولي في القصف على البلدة "
                "ومحاسبة المسؤولين عنه، وعبرت عن تضامنها مع أسر الضحايا في كفر الزيتون.")


OTHER_CONDEMNATION = ("عبرت جامعة الدول العربية عن استنكارها الشديد لاستهداف المدنيين في كفر الزيتون، ودعا الأمين "
                      "العام للجامعة مجلس الأمن إلى تحمل مسؤولياته. وقال في تصريح صحفي إن استهداف الأسواق "
                      "والأحياء السكنية جريمة لا تسقط بالتقادم، مطالبا بوقف فوري لإطلاق النار.")


def _shelling_and_reactions() -> dict[str, str]:
    """The event of each article: two reports of a shelling, the ministry's condemnation and the League's."""
    day = "2019-06-02"
    events, _ = cluster_events([
        _article("attack", SHELLING, day, "A", title="مقتل خمسة مدنيين في قصف على بلدة كفر الزيتون"),
        _article("report", SHELLING_REPORT, day, "B", title="قذائف تقتل خمسة مدنيين في سوق كفر الزيتون"),
        _article("ministry", CONDEMNATION, day, "C", title="الخارجية تدين قصف بلدة كفر الزيتون"),
        _article("league", OTHER_CONDEMNATION, day, "D", title="جامعة الدول العربية تدين قصف بلدة كفر الزيتون"),
    ])
    assert len({e.story for e in events}) == 1  # reactions belong to the story of what they react to
    return _event_of(events)


def test_a_condemnation_is_its_own_event_in_the_story_of_the_attack_it_condemns() -> None:
    event_of = _shelling_and_reactions()
    assert event_of["attack"] == event_of["report"] != event_of["ministry"]


def test_two_speakers_condemning_one_attack_are_two_events_of_its_story() -> None:
    event_of = _shelling_and_reactions()
    assert len({event_of["attack"], event_of["ministry"], event_of["league"]}) == 3


MINISTER = ("وصف وزير الخارجية في مؤتمر صحفي عقده مع نظيره الألماني ما جرى في كفر الزيتون بأنه عمل إرهابي "
            "جبان، مؤكدا أن حكومته ستطرح الملف أمام مجلس الأمن وأنها لن تقبل بإفلات الجناة من العقاب. وأضاف أن "
            "بلاده تجدد دعوتها للمجتمع الدولي إلى تحمل مسؤولياته.")


def test_a_persons_quoted_statement_about_an_attack_is_its_own_event_in_its_story() -> None:
    day = "2019-06-02"
    events, _ = cluster_events([
        _article("attack", SHELLING, day, "A", title="مقتل خمسة مدنيين في قصف على بلدة كفر الزيتون"),
        _article("report", SHELLING_REPORT, day, "B", title="قذائف تقتل خمسة مدنيين في سوق كفر الزيتون"),
        _article("minister", MINISTER, day, "C", title="وزير الخارجية: ما جرى في كفر الزيتون عمل إرهابي جبان"),
    ])
    event_of = _event_of(events)
    assert event_of["attack"] == event_of["report"] != event_of["minister"]
    assert len({e.story for e in events}) == 1


def test_an_article_joins_an_event_only_near_one_of_its_first_members() -> None:
    from marsad.cluster.events import EventCluster, EventClusterer
    from marsad.settings import EventSettings

    clusterer = EventClusterer(vectors=[{"سد": 0.8, "خزان": 0.6}, {"سد": 0.6, "اتفاق": 0.8}],
                               settings=EventSettings(core_threshold=0.5))
    event = EventCluster(0, 0, 0, members=[0, 1])
    assert clusterer.near_core({"اتفاق": 1.0}, event)  # 0.8 with the second member
    assert not clusterer.near_core({"خزان": 0.6, "زلزال": 0.8}, event)  # 0.36 at best


def _call(counterpart: str, country: str, topic: str) -> str:
    """A phone call reported in the wire's fixed words, with its counterpart, his country and a topic as slots."""
    return (f"تلقى الملك اليوم اتصالا هاتفيا من {counterpart}، جرى خلاله استعراض العلاقات الثنائية بين المملكة "
            f"و{country} وسبل دعمها وتعزيزها في مختلف المجالات. {topic}")


def test_two_calls_reported_in_the_same_words_with_other_counterparts_are_two_events() -> None:
    from marsad.settings import EventSettings

    trade = "كما بحث الجانبان زيادة التبادل التجاري والاستثمارات المشتركة في قطاع السيارات."
    articles = [
        _article("japan", _call("رئيس وزراء اليابان", "اليابان", trade), "2016-05-03", "A",
                 title="الملك يتلقى اتصالا هاتفيا من رئيس وزراء اليابان"),
        _article("japan2", _call("رئيس الوزراء الياباني", "اليابان", trade), "2016-05-03", "B",
                 title="اتصال هاتفي بين الملك ورئيس وزراء اليابان"),
        _article("germany", _call("المستشارة الألمانية", "ألمانيا",
                                  "وتناول الاتصال أزمة اللاجئين في أوروبا ومؤتمر المانحين المقرر في برلين."),
                 "2016-05-03", "C", title="الملك يتلقى اتصالا هاتفيا من المستشارة الألمانية"),
    ]
    event_of = _event_of(cluster_events(articles)[0])
    assert event_of["japan"] == event_of["japan2"] != event_of["germany"]
    without_slots = _event_of(cluster_events(articles, settings=EventSettings(slot_max_share=0.0))[0])
    assert len(set(without_slots.values())) == 1  # the wording alone joins them


FRIENDLY = ("فاز فريق الفيصلي على ضيفه الرائد بهدفين نظيفين في مباراة ودية أقيمت مساء أمس على ملعب المجمعة، "
            "سجلهما المهاجم سالم الخالدي والجناح خليفة العنزي في الشوط الثاني. ويواصل الفريق معسكره الإعدادي "
            "للموسم الجديد بمواجهة ودية ثانية الأسبوع المقبل.")
FRIENDLY_RETOLD = ("تغلب الفيصلي على الرائد بهدفين دون رد في لقاء ودي جرى مساء أمس في المجمعة، أحرزهما سالم الخالدي "
                   "وخليفة العنزي بعد الاستراحة، ضمن المعسكر الإعدادي للفريق قبل انطلاق الموسم.")


def _mentions(article: Article, names: list[str]) -> list[Mention]:
    """The mentions an entity tagger gives of these names in the article's text."""
    return [Mention(article.id, start, start + len(name), name, "PER")
            for name in names if (start := article.text.find(name)) >= 0]


def test_a_serial_happening_that_names_the_same_who_in_other_words_is_one_event() -> None:
    articles = [_article("a", FRIENDLY, "2016-08-03", "A", title="الفيصلي يهزم الرائد وديا بهدفي الخالدي والعنزي"),
                _article("b", FRIENDLY_RETOLD, "2016-08-03", "B",
                         title="الفيصلي يكسب ودية الرائد بقذيفتي الخالدي والعنزي")]  # the outlet's own word
    names = ["الفيصلي", "الرائد", "سالم الخالدي", "خليفة العنزي"]
    mentions = {a.id: _mentions(a, names) for a in articles}
    assert len(cluster_events(articles, mentions)[0]) == 1
    assert len(cluster_events(articles)[0]) == 2  # without names, every specific word of the headline tells it


def _session(level: str, change: str) -> str:
    return (f"أغلق مؤشر سوق الأسهم السعودية تعاملات اليوم عند مستوى {level} نقطة مرتفعا {change} نقطة، وسط "
            "تداولات بلغت قيمتها خمسة مليارات ريال، وتصدر قطاع المصارف قائمة القطاعات الأكثر نشاطا.")


def test_two_market_sessions_reported_alike_with_other_figures_are_two_events() -> None:
    from marsad.rules import hit_counts

    before = hit_counts().get("events.other_figures", 0)
    title = "مؤشر الأسهم السعودية يغلق مرتفعا"
    articles = [
        _article("monday", _session("8821.4", "13.4"), "2016-08-01", "A", title=title),
        _article("monday2", _session("8821.4", "13.4").replace("اليوم", "أمس"), "2016-08-01", "B", title=title),
        _article("tuesday", "ارتفع المؤشر العام لسوق الأسهم السعودية في ختام تعاملات اليوم 44.7 نقطة إلى 8866.1 نقطة "
                 "بدعم من أسهم البتروكيماويات والتأمين، وبلغت قيمة التداولات سبعة مليارات ريال.", "2016-08-02", "A",
                 title=title),
    ]
    event_of = _event_of(cluster_events(articles)[0])
    assert event_of["monday"] == event_of["monday2"] != event_of["tuesday"]
    assert hit_counts()["events.other_figures"] > before


def test_two_meetings_worded_alike_with_other_named_counterparts_are_two_events() -> None:
    def talks(guest: str, topic: str) -> str:
        return (f"عقد خادم الحرمين الشريفين جلسة مباحثات رسمية مع {guest} في قصر السلام بجدة مساء اليوم، جرى خلالها "
                f"استعراض العلاقات الثنائية بين البلدين. {topic}")
    articles = [_article("senegal", talks("رئيس السنغال", "وتناولت المباحثات مشاركة القوات السنغالية في التحالف "
                                          "ودعم مشروعات التنمية في داكار."), "2015-07-24", "A",
                         title="خادم الحرمين يعقد جلسة مباحثات رسمية مع رئيس السنغال"),
                _article("gabon", talks("رئيس الغابون", "وبحث الجانبان التعاون في مجال النفط والتعدين وزيارة "
                                        "مرتقبة لوفد اقتصادي إلى ليبرفيل."), "2015-07-24", "B",
                         title="خادم الحرمين يعقد جلسة مباحثات رسمية مع رئيس الغابون")]
    names = ["خادم الحرمين الشريفين", "السنغال", "الغابون", "جدة", "داكار", "ليبرفيل"]
    mentions = {a.id: _mentions(a, names) for a in articles}
    assert len(cluster_events(articles, mentions)[0]) == 2


def test_one_actors_call_with_another_counterpart_is_another_event_whatever_its_headline() -> None:
    from marsad.rules import hit_counts

    def call(guest: str, topic: str) -> str:
        return (f"أجرى الملك اتصالا هاتفيا اليوم مع {guest}، جرى خلاله استعراض العلاقات الثنائية بين البلدين "
                f"وسبل تعزيزها في مختلف المجالات إضافة إلى مستجدات الأوضاع في المنطقة. {topic}")
    before = hit_counts().get("events.other_actors", 0)
    articles = [_article("paris", call("الرئيس الفرنسي فرانسوا هولاند", "وبحث الجانبان صفقة السفن الحربية."),
                         "2015-08-01", "A", title="الملك يتلقى اتصالا هاتفيا من الرئيس الفرنسي"),
                _article("cairo", call("الرئيس المصري عبدالفتاح السيسي", "وأكد الجانبان أهمية إعلان القاهرة."),
                         "2015-08-01", "B", title="الملك والسيسي يؤكدان أهمية إعلان القاهرة")]  # no call word
    names = ["فرانسوا هولاند", "عبدالفتاح السيسي"]
    mentions = {a.id: _mentions(a, names) for a in articles}
    assert len(cluster_events(articles, mentions)[0]) == 2
    assert hit_counts()["events.other_actors"] > before
    assert len(cluster_events(articles)[0]) == 1  # without the people its lead names, the wording joins them
    told = ("أجرى الملك اتصالا هاتفيا اليوم مع الرئيس الفرنسي فرانسوا هولاند، جرى خلاله استعراض العلاقات "
            "الثنائية بين البلدين وسبل تعزيزها. وبحث الجانبان صفقة السفن الحربية.")
    articles = [_article("a", told, "2015-08-01", "A", title="الملك يتلقى اتصالا هاتفيا من الرئيس الفرنسي"),
                _article("b", told.replace("فرانسوا هولاند", "هولاند"), "2015-08-01", "B",
                         title="الملك وهولاند يبحثان هاتفيا صفقة السفن الحربية")]
    mentions = {a.id: _mentions(a, ["فرانسوا هولاند", "هولاند"]) for a in articles}
    assert len(cluster_events(articles, mentions)[0]) == 1  # one call, its counterpart named in full or not


def test_two_wedding_notices_of_other_families_are_two_events() -> None:
    def notice(groom: str, bride: str, hall: str) -> str:
        return (f"احتفل الشاب {groom} بزواجه من كريمة {bride} بقاعة {hall}، وحضر الحفل جمع من الأعيان وأقارب "
                "العروسين والأصدقاء الذين قدموا التهاني والتبريكات. ألف مبروك.")
    articles = [_article("a", notice("فهد بن سعد الجبرتي", "ناصر بن علي المزيني", "الياسمين"), "2015-08-02",
                         "A", title="أفراح الجبرتي والمزيني"),
                _article("b", notice("خالد بن عمر الهويمل", "سلطان بن ماجد السحيمي", "النخيل"),
                         "2015-08-02", "A", title="أفراح الهويمل والسحيمي")]
    assert len(cluster_events(articles)[0]) == 2


def _two_calls(first: str, second: str) -> str:
    """One agency text reporting two calls of the king the same day, `first` the one it opens with."""
    calls = {"paris": "من الرئيس الفرنسي فرانسوا هولاند، جدد خلاله الترحيب بزيارة الملك الخاصة وبحث الجانبان صفقة "
                      "السفن الحربية",
             "cairo": "من الرئيس المصري عبدالفتاح السيسي، أكدا خلاله أهمية الإعلان المشترك بين البلدين وما يحمله من "
                      "مضامين للعمل العربي"}
    return (f"تلقى الملك اتصالا هاتفيا اليوم {calls[first]}. وجرى خلال الاتصال استعراض العلاقات الثنائية ومستجدات "
            f"الأوضاع الإقليمية والدولية. وفي شأن آخر، تلقى الملك اتصالا هاتفيا {calls[second]}. وجرى خلال الاتصال "
            "استعراض العلاقات الثنائية ومستجدات الأوضاع الإقليمية والدولية.")


def test_one_agency_text_of_two_calls_splits_by_the_call_each_headline_and_lead_report() -> None:
    from marsad.rules import hit_counts

    before = hit_counts().get("events.other_actors", 0)
    articles = [_article("paris", _two_calls("paris", "cairo"), "2015-08-01", "A",
                         title="الملك يتلقى اتصالا هاتفيا من الرئيس الفرنسي"),
                _article("cairo", _two_calls("cairo", "paris"), "2015-08-01", "B",
                         title="الملك: الإعلان المشترك يحمل مضامين مهمة للعمل العربي"),  # a quote said on the call
                _article("cairo2", _two_calls("cairo", "paris").replace("عبدالفتاح", "عبد الفتاح"), "2015-08-01",
                         "C", title="الملك والرئيس المصري يؤكدان أهمية الإعلان المشترك")]  # the name spelt apart
    names = ["فرانسوا هولاند", "عبدالفتاح السيسي", "عبد الفتاح السيسي"]
    mentions = {a.id: _mentions(a, names) for a in articles}
    event_of = _event_of(cluster_events(articles, mentions)[0])
    assert event_of["paris"] != event_of["cairo"] == event_of["cairo2"]
    assert hit_counts()["events.other_actors"] > before


def test_two_cables_worded_alike_to_common_named_countries_are_two_events() -> None:
    def cable(country: str, occasion: str) -> str:
        return (f"بعث خادم الحرمين الشريفين برقية تهنئة لرئيس {country} بمناسبة {occasion}، أعرب فيها عن أصدق "
                f"التهاني وأطيب التمنيات لشعب {country} الشقيق.")
    egypt = cable("مصر", "ذكرى ثورة يوليو المجيدة وعيد الجلاء")
    iraq = cable("العراق", "ذكرى تأسيس الجمهورية ويوم الاستقلال")
    articles = [_article("egypt", egypt, "2015-07-23", "A", title="خادم الحرمين يهنئ رئيس مصر باليوم الوطني"),
                _article("egypt2", egypt, "2015-07-23", "B", title="الملك يهنئ مصر باليوم الوطني"),
                _article("iraq", iraq, "2015-07-23", "C", title="خادم الحرمين يهنئ رئيس العراق باليوم الوطني")]
    # the headlines differ only in a country's name, a word too common to be a slot by its share alone
    mentions = {a.id: [Mention(a.id, start, start + len(name), name, "GPE") for name in ("مصر", "العراق")
                       if (start := a.text.find(name)) >= 0] for a in articles}
    event_of = _event_of(cluster_events(articles, mentions)[0])
    assert event_of["egypt"] == event_of["egypt2"] != event_of["iraq"]


def test_a_batch_s_words_are_counted_as_one_object_each(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A first run's batch is the whole corpus: each word it repeats is held once, not once per occurrence."""
    from marsad.cluster.terms import TermModel

    seen: list[list[str]] = []
    counting = TermModel.add_documents

    def add_documents(self, docs_words, docs_entities):  # type: ignore[no-untyped-def]
        seen.extend(docs_words)
        return counting(self, docs_words, docs_entities)

    monkeypatch.setattr(TermModel, "add_documents", add_documents)
    text = "أعلنت وزارة الصحة افتتاح مستشفى جديد في المدينة."
    cluster_events([Article(id=f"a{n}", text=text, title="افتتاح مستشفى", published="2015-08-01") for n in range(3)])
    words = [w for doc in seen for w in doc]
    assert len(words) > len(set(words)) and len({id(w) for w in words}) == len(set(words))


def test_an_event_is_told_closed_once_no_later_article_of_the_batch_can_join_it() -> None:
    told: list[tuple[str, list[str]]] = []
    events, _ = cluster_events(_corpus(), on_closed=lambda event, members: told.append((event, members)))
    made = {e.id: list(e.articles) for e in events}
    # the March events close when the September article is placed; the last one is still open at the end
    assert len(told) == len(made) - 1 and all(made[event] == members for event, members in told)
    assert _event_of(events)["follow"] not in dict(told)


def test_a_near_duplicate_joins_its_originals_event_after_it_closed() -> None:
    late_copy = _article("copy", QUAKE, "2015-09-11", "D", duplicate_of="quake")
    told: dict[str, list[str]] = {}
    events, _ = cluster_events([*_corpus(), late_copy], on_closed=told.__setitem__)
    event_of = _event_of(events)
    assert event_of["copy"] == event_of["quake"] and told[event_of["quake"]] == ["quake"]
