"""What keeps anything but the site's own files from running in a reader's
browser: the Content-Security-Policy written into every finished page
(csp.py), called by the thin hook hooks/content_security_policy.py."""
