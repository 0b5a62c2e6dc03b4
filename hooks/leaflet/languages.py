"""The words the leaflet's own code writes, in each language of the site.

One place for everything that is not in a page's Markdown: the "At a
glance" labels and the reference heading (leaflet/exercise_html.py), the tags
an exercise gets from its controlled `position` and `body_areas` values,
the disclaimer, review line and print links every page ends with
(overrides/main.html), the printed sheet's margins
(overrides/partials/print-footer.html), the print cover
(overrides/print-cover.tpl), the error page (overrides/404.html, in every
language at once) and the title of each heading's link (toc.permalink_title).

It also names what editors write in a page's Markdown in each language,
for the page checker: the two tab labels and the Stop if box's title.

A page's language comes from its file name: `arch-bridge.md` is English
(the default), `arch-bridge.zh.md` is Simplified Chinese
(mkdocs-static-i18n's `docs_structure: suffix`; `language_of_path`). In a
build, the i18n plugin sets it as the page's `file.locale`, and builds the
site once per language (`config.theme["language"]` is the language being
built; hooks/site_languages.py).

Plain-language rules differ: English pages get the Flesch-Kincaid grade,
Chinese pages a limit on sentence length in characters.

Front matter keeps English controlled values in every language
(`position: lying face down`, `body_areas: [lower back]`,
`responsible: Site editors`), so one list of values is checked
everywhere; they are translated here when the page is rendered.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any, Mapping

DEFAULT = "en"


@dataclass(frozen=True)
class Language:
    code: str
    # The language's name in English, for the page checker's messages.
    name: str
    # Content tabs on exercise pages, in order: Beginner, Progressed.
    tabs: tuple[str, str]
    # Title of the warning admonition every exercise page must have.
    stop_if: str
    # Title of the "At a glance" box, and its labels by field.
    glance: str
    glance_labels: Mapping[str, str]
    # What follows a label in the box, inside and after its <span>
    # ("Position: standing", "姿势：站立").
    label_end: str
    label_gap: str
    # Between items of a list in running text ("a, b" / "甲、乙").
    list_separator: str
    references: str
    # Controlled front-matter values -> the words shown (tags, box).
    positions: Mapping[str, str]
    body_areas: Mapping[str, str]
    roles: Mapping[str, str]
    # strftime format of a long date ("25 November 2026", "2026年11月25日").
    long_date: str
    # Where this language's pages start, from the site's root ("" or "zh/").
    root: str
    # Material's search `lang` for this language's own search index.
    search_lang: tuple[str, ...]
    # Plain-language checks: the Flesch-Kincaid grade (English only), and
    # the longest sentence in characters (None: not checked that way).
    flesch_kincaid: bool
    max_sentence_chars: int | None
    # The least a picture's alt text must say: in words where words are
    # written with spaces between them, else in characters (spaces not
    # counted). One of the two is set.
    min_alt_words: int | None
    min_alt_chars: int | None
    # Strings of the templates in overrides/, by name.
    text: Mapping[str, str] = field(default_factory=dict)

    def position(self, value) -> str:
        """A controlled `position` value in this language (as written if
        there is no translation: then the value itself, which may be HTML
        text already, leaflet/escaping.py)."""
        return self.positions.get(str(value).lower(), value)

    def body_area(self, value) -> str:
        """A controlled `body_areas` value in this language (else as it is)."""
        return self.body_areas.get(str(value).lower(), value)

    def template_strings(self) -> dict:
        """What the templates read as `leaflet_text`."""
        return {
            **self.text,
            "code": self.code,
            "root": self.root,
            "long_date": self.long_date,
            "roles": dict(self.roles),
        }


ENGLISH = Language(
    code="en",
    name="English",
    tabs=("Beginner", "Progressed"),
    stop_if="Stop if",
    glance="At a glance",
    glance_labels={
        "position": "Position",
        "how_many": "How many",
        "how_often": "How often",
        "body_areas": "Helps",
        "aliases": "Also called",
    },
    label_end=":",
    label_gap=" ",
    list_separator=", ",
    references="References",
    positions={},  # shown as written (capitalised as tags)
    body_areas={},
    roles={},
    long_date="%-d %B %Y",
    root="",
    search_lang=("en",),
    flesch_kincaid=True,
    max_sentence_chars=None,
    min_alt_words=4,
    min_alt_chars=None,
    text={
        "banner_strong": "General information, not medical advice.",
        "banner_rest": "Severe, new or spreading symptoms?",
        "gap": " ",
        "help_page": "When to get help",
        "page_info_label": "About this page",
        "page_info": (
            "This page is general information, not a diagnosis or a personal plan. "
            "If you are unsure whether these exercises suit you, ask a doctor or "
            "physiotherapist. Signs that need a doctor straight away are on "
        ),
        "last_reviewed": "Last reviewed: ",
        "next_review": "Next review due: ",
        "responsible": "Responsible: ",
        # Who reviewed the page as a clinician: the organisation named in
        # mkdocs.yml's `extra.clinical_reviewer`, or, by default, nobody.
        "clinical_review": "Clinical review: ",
        "no_clinical_review": "No doctor or physiotherapist has reviewed this page.",
        "sentence_end": ".",
        "on_paper": "On paper: ",
        "print_whole": "print the whole leaflet",
        "or": " or ",
        "download_pdf": "download it as a PDF",
        "print_top": 'General information, not medical advice. Check "When to get help" before you start.',
        "print_reviewed": "Reviewed ",
        "print_next_review": "next review due ",
        "print_joiner": ", ",
        "print_sheet": "Sheet ",
        "print_of": " of ",
        "print_sheet_end": "",
        "print_font": "system-ui, sans-serif",
        "print_page_title": "Print the whole leaflet",
        "cover_kicker": "A home exercise leaflet",
        "cover_lead": (
            "Gentle exercises for a strained lower back, with a daily routine, "
            "safety advice and a chart to tick off as you go."
        ),
        "cover_before": "Before you start",
        "cover_before_text": (
            "This leaflet is general information, not medical advice. Read "
            "<strong>When to get help</strong> first. If you have any of the signs "
            "listed there, get help before you do these exercises."
        ),
        "cover_inside": "Inside",
        "cover_contents": [
            "About lumbar muscle strain, and how to use this leaflet safely",
            "Your daily routine",
            # {exercises}: their titles, in the order of nav (hooks/site_languages.py).
            "The exercises: {exercises}",
            "When to get help",
            "Your 6-week progress chart",
        ],
        "cover_online": "The latest version, with review dates for every page, is online at ",
        "report_prompt": "Found a mistake, or something hard to understand?",
        "report_link": "Tell the site editors",
        # The title of the link beside each heading (mkdocs.yml's
        # toc.permalink_title, set per language by hooks/site_languages.py).
        "permalink_title": "Link to this section",
        # The error page (overrides/404.html): one page for every language.
        "not_found_title": "Page not found",
        "not_found_lead": (
            "Sorry, there is no page at this address. The link may be wrong, "
            "or the page may have moved."
        ),
        "not_found_help": "If you have severe, new or spreading symptoms, go to ",
        "not_found_try": "Try one of these pages",
        "not_found_search": "You can also search for an exercise with the search button at the top of the page.",
        "home": "Home",
        "routine": "Your daily routine",
        "find_exercise": "Find an exercise",
        # The moving pictures on exercise pages and in the guided session
        # (leaflet/moving_pictures.py, javascripts/moving-pictures.js). A
        # moving picture is described by its still pictures' alt text:
        # {alt} is one of them, {n} the hold's count, {level} a tab's name.
        "moving": {
            "caption": "The movement",
            "caption_level": "{level}: the movement",
            "play": "Play",
            "pause": "Pause",
            "describe_start": "A moving drawing that repeats slowly. It starts: {alt}",
            "describe_then": "It moves to: {alt}",
            "describe_hold": "It holds there for a slow count of {n}.",
            "describe_back": "Then it goes back to the start.",
        },
        # The routine's tables and the progress chart, made from the
        # exercise pages (leaflet/exercise_lists_html.py), by `dose.when`.
        "routine_groups": {
            "morning and evening": "Morning and evening",
            "once a day": "Once a day",
            "a few times a week": "A few times a week",
        },
        "routine_order": "Order",
        "routine_exercise": "Exercise",
        "routine_how_many": "How many",
        "chart_label": "Progress chart",
        "chart_caption": "Tick one box for each day you do the exercise.",
        "chart_exercise": "Exercise",
        "chart_when": "When",
        "chart_week": "Week {n}",
        "chart_times": {
            "morning and evening": ("Morning", "Evening"),
            "once a day": ("Any time",),
            "a few times a week": ("Any time",),
        },
        "chart_pain": "Pain score",
        "chart_pain_scale": "0 to 10",
        "chart_pain_when": "End of week",
        # The link to the guided session on every exercise page.
        "session_link": "Start today's routine",
        # When a new build of the site replaces the offline copy
        # (overrides/partials/offline.html).
        "offline_updated": "This leaflet has been updated.",
        "offline_reload": "Show the new version",
        # A page that is neither on this device nor reachable (the worker).
        "offline_missing_title": "Not kept offline",
        "offline_missing_text": "This page is not kept on this device, and there is no network.",
        "offline_missing_home": "Go to the leaflet's home page",
        # The QR codes on printed sheets and the cover (leaflet/qr_codes.py);
        # the cover's caption is cover_online.
        "qr_alt": "QR code of this page's address",
        "qr_caption": "Scan to open on a phone:",
        "qr_cover_alt": "QR code of this leaflet's address",
        # The clinic that hands the leaflet out, if mkdocs.yml names one
        # (leaflet/clinic.py): every page's footer and printed sheet.
        "clinic_questions": "Questions? Call {name} on {phone}.",
        "clinic_website": " Website: {website}",
        # The guided session and the log (docs/javascripts/session.js and
        # log.js), given to them as data (leaflet/session_data.py).
        # {n}, {i}, {total}, {time}: filled in by the scripts.
        "session": {
            "morning": "Morning",
            "evening": "Evening",
            "any_time": "Any time",
            "which": "Start a session",
            "time": "Which session is this?",
            "weekly": "Add the exercises for a few times a week today: {names}",
            "version": "Version",
            "week": "Week of your plan",
            "week_help": "Counted from your first session. Change it if you started earlier or need to go back.",
            "start": "Start",
            "exercise_of": "Exercise {i} of {total}",
            "this_week": "This week: about {n}",
            "this_week_minutes": "This week: about {n} minutes",
            "fixed": "Do {n}",
            "count_label": "Done so far",
            "tap": "Count one",
            "tap_help": "Tap the button, or press Space or Enter, after each one.",
            "counted": {
                "once": "Each lift or movement counts as one.",
                "each way": "One each way counts as one.",
                "each side": "One on each side counts as one.",
                "changing direction": "Change direction each time.",
            },
            "hold": "Hold",
            "hold_left": "Hold: {n}",
            "timer_start": "Start the timer",
            "timer_pause": "Pause",
            "minutes_done": "{n} of {total} minutes",
            "steps": "How to do it",
            "read_aloud": "Read the steps aloud",
            "back": "Back",
            "skip": "Skip",
            "next": "Next exercise",
            "finish": "Finish",
            "stop": "Stop: this hurts",
            "stopped_title": "You stopped, and that was right",
            "stopped_text": "Rest. This session is saved as stopped. If the pain is bad, new or spreading, read When to get help now.",
            "done_title": "Well done",
            "done_text": "This session is saved on this phone. See it on your progress chart.",
            "saved_only_here": "Saved on this phone only. Nothing is sent anywhere.",
        },
        # The log on the progress chart page (docs/javascripts/log.js).
        # {n}, {date}, {days}: filled in by the script.
        "log": {
            "log_title": "Your last {n} weeks",
            "log_caption": "What you did in Today's routine, kept in this browser.",
            "log_week": "Week of {date}",
            "log_done": "Done",
            "log_stopped": "Stopped early",
            "log_mark_done": "\u2713",
            "log_mark_stopped": "!",
            "log_cell_done": "Done: {days}.",
            "log_cell_stopped": "Stopped early: {days}.",
            "log_cell_none": "Not done.",
            "log_list_gap": ", ",
            "log_empty": "No sessions are kept in this browser yet.",
            "log_empty_link": "Do today's routine",
            "log_save": "Save my log",
            "log_load": "Load a log",
            "log_delete": "Delete my log",
            "log_help": "Your log is kept in this browser only. Save it as a file to keep a copy, or to load it on another phone or computer.",
            "log_load_confirm": "Sessions in this file: {n}. Use them in place of the log in this browser?",
            "log_loaded": "Sessions loaded: {n}.",
            "log_delete_confirm": "Delete your log from this browser? You cannot undo this.",
            "log_deleted": "Your log is deleted.",
            "log_unavailable": "This browser does not let the leaflet keep a log.",
            "log_unreadable": "The saved log could not be read.",
            "log_newer": "The saved log was made by a newer version of this leaflet.",
            "log_bad_sessions": "Some saved sessions could not be read, so they are left out: number {n}.",
            "log_bad_lines": "Some lines of the file could not be read, so they are left out: line {n}.",
            "log_not_log": "This file is not a log saved by this leaflet.",
            "log_no_sessions": "There are no sessions in this file.",
            "log_not_saved": "The browser did not let the leaflet change the log.",
            "log_problems_end": "If this keeps happening, you can delete the log and start again.",
        },
        # A clinician's plan link: what reads it (docs/javascripts/
        # plan-link.js, on the plan page, the routine, the session and the
        # chart) and what makes it (plan-maker.mjs). {n}, {title}, {date},
        # {label}, {min}, {max}: filled in by the scripts.
        "plan": {
            "plan_title": "Your plan",
            "plan_from_link": "This plan came in a link. It is what the clinician who gave you the link chose for you, not part of this leaflet. Anyone can make such a link, so check the plan with that clinician.",
            "plan_kept": "This plan is kept on this phone. Nothing is sent anywhere.",
            "plan_not_kept": "This plan is only in the link you opened. Keep it on this phone to have it next time.",
            "plan_note": "Note in the link:",
            "plan_start": "Start on {date}.",
            # The amount itself is in the exercise's dose words (leaflet/doses.py).
            "plan_hold": "hold each for {n} seconds",
            "plan_hold_one": "hold each for {n} second",
            "plan_per_day": ["once a day", "twice a day", "3 times a day"],
            "plan_gap": ", ",
            "plan_level": "{level}: {dose}",
            "plan_target": "Your plan: {dose}",
            "plan_step": "Your plan: {dose}.",
            "plan_pages_note": "Each exercise's own page gives the standard amounts. Do the amounts in your plan.",
            "plan_done_today": "You have done each exercise of your plan as many times as it asks for today. Rest, and start again tomorrow.",
            "plan_keep": "Keep this plan on this phone",
            "plan_remove": "Remove this plan from this phone",
            "plan_removed": "The plan is removed from this phone. The standard routine is back.",
            "plan_standard": "Back to the standard routine",
            "plan_start_session": "Start today's routine",
            "plan_see": "See your plan",
            "plan_none": "There is no plan on this phone. Follow the standard routine, or open the link your clinician gave you.",
            "plan_broken": "This plan link is broken or incomplete, so nothing in it is used. Ask for the link again.",
            "plan_newer": "This plan link was made by a newer version of this leaflet, so it cannot be read here.",
            "plan_unknown": "An exercise in the link is not in this leaflet, so it is left out.",
            "plan_outside": "{title}: what the link asks for is outside this leaflet's safe limits, so it is left out.",
            "plan_twice": "{title} is in the link twice: only the first is read.",
            "plan_bad_note": "The note in the link could not be read, so it is left out.",
            "plan_empty": "The link holds no exercise this leaflet can use, so the standard routine is shown.",
            "plan_unstored": "This browser does not let the leaflet keep the plan. It stays in the link.",
            "maker_exercises": "Exercises",
            "maker_times": "How many each time",
            "maker_minutes": "Minutes each time",
            "maker_hold": "Hold, in seconds",
            "maker_per_day": "Times a day",
            "maker_start": "Start date",
            "maker_language": "The patient's language",
            "maker_languages": {"en": "English", "zh": "Simplified Chinese (简体中文)"},
            "maker_note": "A note for the patient, up to {n} characters",
            "maker_note_left": "{n} characters left",
            "maker_make": "Make the plan",
            "maker_link": "The plan's link",
            "maker_copy": "Copy the link",
            "maker_copied": "Copied.",
            "maker_open": "Open the plan as the patient will see it",
            "maker_print": "Print the plan",
            "maker_qr_alt": "QR code of the plan's link",
            "maker_choose": "Tick at least one exercise.",
            "maker_fix": "{title}: {label} must be a whole number from {min} to {max}.",
            "maker_too_long": "The plan is too long for a QR code. Shorten the note.",
            "maker_made": "The plan is made. Its link, QR code and printed sheet are below.",
            "sheet_title": "Your exercise plan",
            "sheet_scan": "Scan this code with your phone's camera to open the plan.",
            "sheet_exercise": "Exercise",
            "sheet_version": "Version",
            "sheet_amount": "How much",
            "sheet_often": "How often",
            "sheet_steps": "How to do each exercise",
            "maker_date_fix": "{label}: choose a day from {min} to {max}, or leave it empty.",
            # The printed plan's dates, as Intl.DateTimeFormat writes them.
            "sheet_locale": "en-GB",
        },
    },
)

CHINESE = Language(
    code="zh",
    name="Chinese",
    tabs=("初级", "进阶"),
    stop_if="出现以下情况请停止",
    glance="要点速览",
    glance_labels={
        "position": "姿势",
        "how_many": "次数",
        "how_often": "频率",
        "body_areas": "锻炼部位",
        "aliases": "又称",
    },
    label_end="：",
    label_gap="",
    list_separator="、",
    references="参考资料",
    positions={
        "standing": "站立",
        "lying on your back": "仰卧",
        "lying face down": "俯卧",
        "walking": "行走",
    },
    body_areas={
        "lower back": "腰部",
        "upper back": "上背部",
        "waist and hips": "腰和髋部",
        "buttocks": "臀部",
        "legs": "腿部",
    },
    roles={"Site editors": "网站编辑"},
    long_date="%Y年%-m月%-d日",
    root="zh/",
    search_lang=("zh",),
    flesch_kincaid=False,
    max_sentence_chars=40,
    min_alt_words=None,
    min_alt_chars=6,
    text={
        "banner_strong": "一般健康信息，不是医疗建议。",
        "banner_rest": "症状严重、新出现或在加重？",
        "gap": "",
        "help_page": "何时需要就医",
        "page_info_label": "关于本页",
        "page_info": (
            "本页是一般健康信息，不是诊断，也不是为您定制的方案。"
            "不确定这些锻炼是否适合您，请咨询医生或康复治疗师。"
            "需要马上看医生的情况，请见"
        ),
        "last_reviewed": "上次审核：",
        "next_review": "下次审核：",
        "responsible": "负责：",
        "clinical_review": "临床审核：",
        "no_clinical_review": "本页没有经过医生或康复治疗师审核。",
        "sentence_end": "。",
        "on_paper": "纸质版：",
        "print_whole": "打印整本手册",
        "or": "，或",
        "download_pdf": "下载 PDF 文件",
        "print_top": "一般健康信息，不是医疗建议。开始前请先读“何时需要就医”。",
        "print_reviewed": "审核于 ",
        "print_next_review": "下次审核 ",
        "print_joiner": "，",
        "print_sheet": "第 ",
        "print_of": " 页，共 ",
        "print_sheet_end": " 页",
        # The sheet margins' font: as docs/stylesheets/leaflet.css's stack
        # for Chinese pages, Latin fonts first, then the reader's own CJK fonts.
        "print_font": (
            'system-ui, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", '
            '"Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif'
        ),
        "print_page_title": "打印整本手册",
        "cover_kicker": "居家锻炼手册",
        "cover_lead": "适合腰肌劳损的轻柔锻炼动作，附每日锻炼安排、安全提示和一张打勾记录表。",
        "cover_before": "开始之前",
        "cover_before_text": (
            "本手册是一般健康信息，不是医疗建议。请先读<strong>何时需要就医</strong>。"
            "如果有其中列出的任何情况，请先就医，再做这些锻炼。"
        ),
        "cover_inside": "目录",
        "cover_contents": [
            "关于腰肌劳损，以及怎样安全地使用本手册",
            "每日锻炼安排",
            "锻炼动作：{exercises}",
            "何时需要就医",
            "6 周锻炼记录表",
        ],
        "cover_online": "最新版本（含每页的审核日期）在网上：",
        "report_prompt": "发现错误，或有看不懂的地方？",
        "report_link": "告诉网站编辑",
        "permalink_title": "链接到本节",
        "not_found_title": "找不到这个页面",
        "not_found_lead": "抱歉，这个地址没有页面。可能是链接写错了，也可能是页面已经搬走了。",
        "not_found_help": "如果症状严重、新出现或在加重，请先看",
        "not_found_try": "可以试试这些中文页面",
        "not_found_search": "在中文页面上，也可以用页面顶部的搜索按钮查找锻炼动作。",
        "home": "首页",
        "routine": "每日锻炼安排",
        "find_exercise": "查找锻炼动作",
        "moving": {
            "caption": "动作演示",
            "caption_level": "{level}：动作演示",
            "play": "播放",
            "pause": "暂停",
            "describe_start": "动图，慢慢重复。开始：{alt}",
            "describe_then": "然后：{alt}",
            "describe_hold": "停住，慢慢数 {n} 下。",
            "describe_back": "再回到开始的姿势。",
        },
        "routine_groups": {
            "morning and evening": "早上和晚上",
            "once a day": "每天一次",
            "a few times a week": "每周几次",
        },
        "routine_order": "顺序",
        "routine_exercise": "动作",
        "routine_how_many": "做多少",
        "chart_label": "锻炼记录表",
        "chart_caption": "每天做了这个动作，就在一个方框里打勾。",
        "chart_exercise": "动作",
        "chart_when": "时间",
        "chart_week": "第 {n} 周",
        "chart_times": {
            "morning and evening": ("早上", "晚上"),
            "once a day": ("任何时间",),
            "a few times a week": ("任何时间",),
        },
        "chart_pain": "疼痛评分",
        "chart_pain_scale": "0 到 10 分",
        "chart_pain_when": "每周最后一天",
        "session_link": "开始今天的锻炼",
        "offline_updated": "本手册已更新。",
        "offline_reload": "显示新版本",
        "offline_missing_title": "未离线保存",
        "offline_missing_text": "本页没有保存在此设备上，现在也没有网络。",
        "offline_missing_home": "回到手册首页",
        "qr_alt": "本页网址的二维码",
        "qr_caption": "手机扫码打开：",
        "qr_cover_alt": "本手册网址的二维码",
        "clinic_questions": "有问题？请致电{name}：{phone}。",
        "clinic_website": "网站：{website}",
        "session": {
            "morning": "早上",
            "evening": "晚上",
            "any_time": "任何时间",
            "which": "开始锻炼",
            "time": "这是哪一次锻炼？",
            "weekly": "今天也做每周几次的动作：{names}",
            "version": "版本",
            "week": "计划的第几周",
            "week_help": "从您第一次锻炼那天算起。如果您更早就开始了，或者需要退回去，可以改一改。",
            "start": "开始",
            "exercise_of": "第 {i} 个动作，共 {total} 个",
            "this_week": "这周：{n} 次左右",
            "this_week_minutes": "这周：{n} 分钟左右",
            "fixed": "做 {n} 次",
            "count_label": "已经做了",
            "tap": "记 1 次",
            "tap_help": "每做完 1 次，点一下按钮，或者按空格键、回车键。",
            "counted": {
                "once": "每抬起或动一次，算 1 次。",
                "each way": "每个方向各做一次，算 1 次。",
                "each side": "两边各做一次，算 1 次。",
                "changing direction": "每次换一个方向。",
            },
            "hold": "停住",
            "hold_left": "停住：{n}",
            "timer_start": "开始计时",
            "timer_pause": "暂停",
            "minutes_done": "{n} / {total} 分钟",
            "steps": "怎么做",
            "read_aloud": "把步骤读出来",
            "back": "上一个",
            "skip": "跳过",
            "next": "下一个动作",
            "finish": "完成",
            "stop": "停下：这里痛",
            "stopped_title": "您停下来了，这样做是对的",
            "stopped_text": "先休息。这次锻炼已记为“中途停止”。如果疼痛很重、是新出现的或在扩散，现在就去看“何时需要就医”。",
            "done_title": "做得很好",
            "done_text": "这次锻炼已经保存在这部手机上。可以在锻炼记录表上看到。",
            "saved_only_here": "只保存在这部手机上，不会发送到任何地方。",
        },
        "log": {
            "log_title": "最近 {n} 周",
            "log_caption": "您用“今天的锻炼”做过的锻炼，保存在这个浏览器里。",
            "log_week": "{date}起",
            "log_done": "做了",
            "log_stopped": "中途停下",
            "log_mark_done": "\u2713",
            "log_mark_stopped": "!",
            "log_cell_done": "做了：{days}。",
            "log_cell_stopped": "中途停下：{days}。",
            "log_cell_none": "没有做。",
            "log_list_gap": "、",
            "log_empty": "这个浏览器里还没有锻炼记录。",
            "log_empty_link": "去做今天的锻炼",
            "log_save": "保存我的记录",
            "log_load": "载入记录",
            "log_delete": "删除我的记录",
            "log_help": "记录只保存在这个浏览器里。把它存成文件，可以留一份备份，也可以在别的手机或电脑上载入。",
            "log_load_confirm": "这个文件里有 {n} 次锻炼。要用它们替换这个浏览器里的记录吗？",
            "log_loaded": "已载入 {n} 次锻炼。",
            "log_delete_confirm": "要从这个浏览器里删除您的记录吗？删除后不能恢复。",
            "log_deleted": "您的记录已删除。",
            "log_unavailable": "这个浏览器不让本手册保存记录。",
            "log_unreadable": "保存的记录读不出来。",
            "log_newer": "保存的记录来自本手册的新版本。",
            "log_bad_sessions": "有些保存的锻炼读不出来，已略去：第 {n} 次。",
            "log_bad_lines": "文件里有些行读不出来，已略去：第 {n} 行。",
            "log_not_log": "这个文件不是本手册保存的记录。",
            "log_no_sessions": "这个文件里没有锻炼记录。",
            "log_not_saved": "浏览器不让本手册修改记录。",
            "log_problems_end": "如果一直这样，可以删除记录，重新开始。",
        },
        "plan": {
            "plan_title": "您的锻炼计划",
            "plan_from_link": "这个计划来自一个链接，是给您链接的医生或治疗师为您选的，不是本手册的内容。任何人都能制作这样的链接，请向这位医生或治疗师核对这个计划。",
            "plan_kept": "这个计划保存在这部手机上，不会发送到任何地方。",
            "plan_not_kept": "这个计划只在您打开的链接里。保存在这部手机上，下次就还能看到。",
            "plan_note": "链接里的留言：",
            "plan_start": "开始日期：{date}。",
            "plan_hold": "每次保持 {n} 秒",
            "plan_hold_one": "每次保持 {n} 秒",
            "plan_per_day": ["每天 1 次", "每天 2 次", "每天 3 次"],
            "plan_gap": "，",
            "plan_level": "{level}：{dose}",
            "plan_target": "您的计划：{dose}",
            "plan_step": "您的计划：{dose}。",
            "plan_pages_note": "每个动作的页面写的是标准的量。请按您的计划里的量来做。",
            "plan_done_today": "今天您已经按计划把每个动作都做够了次数。休息一下，明天再开始。",
            "plan_keep": "把计划保存在这部手机上",
            "plan_remove": "从这部手机上删除计划",
            "plan_removed": "计划已从这部手机上删除，已恢复标准锻炼安排。",
            "plan_standard": "回到标准锻炼安排",
            "plan_start_session": "开始今天的锻炼",
            "plan_see": "查看您的计划",
            "plan_none": "这部手机上没有锻炼计划。请按标准锻炼安排做，或打开医生或治疗师给您的链接。",
            "plan_broken": "这个计划链接已损坏或不完整，所以其中的内容都没有使用。请重新索取链接。",
            "plan_newer": "这个计划链接来自本手册的新版本，这里无法读取。",
            "plan_unknown": "链接里有一个锻炼动作不在本手册中，已略去。",
            "plan_outside": "{title}：链接要求的量不在本手册的安全范围内，已略去。",
            "plan_twice": "{title}在链接里出现了两次，只读取第一次。",
            "plan_bad_note": "链接里的留言无法读取，已略去。",
            "plan_empty": "链接里没有本手册能用的锻炼动作，所以显示标准锻炼安排。",
            "plan_unstored": "这个浏览器不让本手册保存计划。计划仍然在链接里。",
            "maker_exercises": "锻炼动作",
            "maker_times": "每次做几下",
            "maker_minutes": "每次几分钟",
            "maker_hold": "保持几秒",
            "maker_per_day": "每天几次",
            "maker_start": "开始日期",
            "maker_language": "患者使用的语言",
            "maker_languages": {"en": "英文（English）", "zh": "简体中文"},
            "maker_note": "给患者的留言，最多 {n} 个字",
            "maker_note_left": "还可以写 {n} 个字",
            "maker_make": "生成计划",
            "maker_link": "计划链接",
            "maker_copy": "复制链接",
            "maker_copied": "已复制。",
            "maker_open": "以患者看到的样子打开计划",
            "maker_print": "打印计划",
            "maker_qr_alt": "计划链接的二维码",
            "maker_choose": "请至少勾选一个锻炼动作。",
            "maker_fix": "{title}：{label}须为 {min} 到 {max} 之间的整数。",
            "maker_too_long": "计划太长，二维码放不下。请缩短留言。",
            "maker_made": "计划已生成。链接、二维码和打印页在下面。",
            "sheet_title": "您的锻炼计划",
            "sheet_scan": "用手机相机扫描这个二维码，打开这个计划。",
            "sheet_exercise": "锻炼动作",
            "sheet_version": "版本",
            "sheet_amount": "每次的量",
            "sheet_often": "频率",
            "sheet_steps": "每个动作的做法",
            "maker_date_fix": "{label}：请选择 {min} 到 {max} 之间的日期，或者不填。",
            "sheet_locale": "zh-CN",
        },
    },
)

LANGUAGES: dict[str, Language] = {language.code: language for language in (ENGLISH, CHINESE)}


def language(code: str | None) -> Language:
    """The language for a code ("zh", "zh-CN", "en"); English if unknown."""
    code = (code or DEFAULT).replace("_", "-").split("-")[0].lower()
    return LANGUAGES.get(code, ENGLISH)


def being_built(config: Any) -> Language:
    """The language of the build in progress: mkdocs-static-i18n builds the
    site once per language and says which (its current_language)."""
    i18n = config.plugins.get("i18n")
    return language(getattr(i18n, "current_language", None) if i18n is not None else None)


def of_page(page: Any, building: str | None) -> Language:
    """The language a page is written in: its file's (mkdocs-static-i18n
    sets `locale` from the `.zh.md` suffix), else the one being built."""
    return language(getattr(page.file, "locale", None) or building)


def language_of_path(src_uri: str) -> str:
    """A page's language from its file name: "exercises/arch-bridge.zh.md" is
    "zh"; a file without a language suffix is in the default language."""
    suffixes = PurePosixPath(src_uri).suffixes
    if len(suffixes) >= 2 and suffixes[-2][1:] in LANGUAGES:
        return suffixes[-2][1:]
    return DEFAULT


def path_in_language(src_uri: str, code: str) -> str:
    """The same page in another language: ("about.zh.md", "en") is
    "about.md", ("exercises/arch-bridge.md", "zh") "exercises/arch-bridge.zh.md"."""
    path = PurePosixPath(src_uri)
    stem = path.name[: -len(path.suffix)] if path.suffix else path.name
    if language_of_path(src_uri) != DEFAULT:
        stem = stem[: stem.rfind(".")]
    suffix = "" if code == DEFAULT else f".{code}"
    return str(path.with_name(f"{stem}{suffix}{path.suffix}"))
