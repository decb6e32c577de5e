"""E-mail: Vietnamese messages from Jinja2 templates, sent through the configured SMTP server.

Templates live in `kehoach/data/email/`, one file per message with three blocks
(`subject`, `text`, `html`); `_phrases.j2` holds the wording shared by e-mails
and in-app notifications. Settings: `smtp_host` (empty: no e-mail), `smtp_port`,
`smtp_user`, `smtp_password`, `smtp_tls` (starttls | ssl | none), `smtp_sender`.
"""

from __future__ import annotations

import email.policy
import re
import smtplib
import ssl
from dataclasses import dataclass
from datetime import date, datetime
from email.message import EmailMessage
from email.utils import formatdate, make_msgid, parseaddr
from functools import lru_cache
from pathlib import Path
from typing import Any

from kehoach.errors import MailError, ValidationError
from kehoach.text.numbers import format_number

TEMPLATES = Path(__file__).resolve().parents[1] / "data" / "email"
# Python's header folder drops the space at a fold between two encoded words ("2 việc" arrives
# as "2việc"): keep each header on one line (RFC 5322 allows 998 characters).
POLICY = email.policy.SMTP.clone(max_line_length=998)
EMAIL_RE = re.compile(r"^[^@\s<>,;]+@[^@\s<>,;]+$")


@dataclass(frozen=True)
class Mail:
    """One message, ready to send."""

    to: str
    subject: str
    text: str
    html: str


def check_address(address: str) -> str:
    """An e-mail address as typed, trimmed; `ValidationError(field="email")` if it is not one."""
    address = address.strip()
    if len(address) > 320 or not EMAIL_RE.match(address):
        raise ValidationError(
            "'{address}' is not an e-mail address", field="email", address=address
        )
    return address


def dmy(value: date | datetime | None) -> str:
    """dd/mm/yyyy (the Vietnamese way)."""
    return value.strftime("%d/%m/%Y") if value else ""


@lru_cache(maxsize=1)
def environment():
    """The Jinja2 environment of the e-mail templates (HTML escaped inside `{% autoescape %}`)."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=False,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["dmy"] = dmy
    env.filters["num"] = format_number  # 23.100
    return env


def phrases():
    """The macros of `_phrases.j2` (titles and lines shared by e-mails and notifications)."""
    return environment().get_template("_phrases.j2").module


def render_mail(template: str, to: str, **context: Any) -> Mail:
    """The message `template` (its subject, text and html blocks) for `to`."""
    tpl = environment().get_template(template)

    def block(name: str) -> str:
        return "".join(tpl.blocks[name](tpl.new_context(context))).strip()

    subject = " ".join(block("subject").split())
    return Mail(to=to, subject=subject, text=block("text") + "\n", html=block("html") + "\n")


class Mailer:
    """One SMTP connection, opened at the first message and closed on exit."""

    def __init__(self, settings) -> None:
        self.settings = settings
        self._conn: smtplib.SMTP | None = None

    @property
    def enabled(self) -> bool:
        """Is an SMTP server configured?"""
        return bool(self.settings.smtp_host)

    def __enter__(self) -> Mailer:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._conn is not None:
            try:
                self._conn.quit()
            except (smtplib.SMTPException, OSError):
                self._conn.close()
            self._conn = None

    def _connect(self) -> smtplib.SMTP:
        s = self.settings
        where = f"{s.smtp_host}:{s.smtp_port}"
        try:
            if s.smtp_tls == "ssl":
                conn: smtplib.SMTP = smtplib.SMTP_SSL(
                    s.smtp_host,
                    s.smtp_port,
                    timeout=s.smtp_timeout,
                    context=ssl.create_default_context(),
                )
            else:
                conn = smtplib.SMTP(s.smtp_host, s.smtp_port, timeout=s.smtp_timeout)
                if s.smtp_tls == "starttls":
                    conn.starttls(context=ssl.create_default_context())
            if s.smtp_user:
                conn.login(s.smtp_user, s.smtp_password.get_secret_value())
        except (smtplib.SMTPException, OSError) as exc:
            raise MailError(
                "cannot reach the SMTP server {server}: {reason}", server=where, reason=exc
            ) from None
        return conn

    def send(self, mail: Mail) -> None:
        """Hand one message to the server; `MailError` when it is refused or unreachable."""
        if not self.enabled:
            raise MailError("no SMTP server is configured (KEHOACH_SMTP_HOST)")
        if self._conn is None:
            self._conn = self._connect()
        msg = EmailMessage(policy=POLICY)
        msg["Subject"] = mail.subject
        msg["From"] = self.settings.smtp_sender
        msg["To"] = mail.to
        msg["Date"] = formatdate(localtime=True)
        msg["Message-ID"] = make_msgid(
            domain=parseaddr(self.settings.smtp_sender)[1].split("@")[-1]
        )
        msg.set_content(mail.text)
        msg.add_alternative(mail.html, subtype="html")
        try:
            self._conn.send_message(msg)
        except (smtplib.SMTPException, OSError) as exc:
            if isinstance(exc, (OSError, smtplib.SMTPServerDisconnected)):
                self._conn = None  # reconnect for the next message
            raise MailError(
                "the SMTP server refused the message to {to}: {reason}", to=mail.to, reason=exc
            ) from None
