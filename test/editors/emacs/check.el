;;; check.el --- Emacs 28 + eglot against the Claim Lens server -*- lexical-binding: t -*-
;; Prints what eglot and flymake saw as JSON lines ({"step": ...}) for
;; test/editors/emacs.test.ts to assert on.
;;   CLAIM_LENS_NODE=node CLAIM_LENS_SERVER=server/out/server.js CLAIM_LENS_DRAFT=draft.md \
;;     emacs --batch -Q -l test/editors/emacs/check.el
;; In batch mode eglot-ensure never connects and flymake runs from idle timers that never
;; fire, so this starts eglot directly and calls flymake-start while it waits.

(dolist (dir (file-expand-wildcards "/usr/share/emacs/site-lisp/elpa/*"))
  (add-to-list 'load-path dir))
(require 'eglot)
(require 'json)

(defconst claim-lens-timeout 20.0)

(defun claim-lens-emit (step &rest fields)
  (princ (concat (json-encode (append `(("step" . ,step)) fields)) "\n")))

(defun claim-lens-wait (what predicate)
  (let ((deadline (+ (float-time) claim-lens-timeout)))
    (while (not (funcall predicate))
      (when (> (float-time) deadline) (error "Timed out waiting for %s" what))
      (flymake-start)
      (accept-process-output nil 0.05))))

(defun claim-lens-diagnostics ()
  (mapcar (lambda (diag)
            (let ((lsp (cdr (assoc 'eglot-lsp-diag (flymake-diagnostic-data diag)))))
              `(("code" . ,(plist-get lsp :code))
                ("severity" . ,(plist-get lsp :severity))
                ("line" . ,(1- (line-number-at-pos (flymake-diagnostic-beg diag))))
                ("type" . ,(symbol-name (flymake-diagnostic-type diag)))
                ("text" . ,(flymake-diagnostic-text diag)))))
          (flymake-diagnostics)))

(defun claim-lens-run ()
  (let ((node (or (getenv "CLAIM_LENS_NODE") "node"))
        (server (or (getenv "CLAIM_LENS_SERVER") (error "CLAIM_LENS_SERVER is not set"))))
    ;; Emacs 28 has no markdown-mode: Markdown drafts open in text-mode, and the server is told
    ;; they are Markdown (eglot would otherwise send the language id "text", which is not checked).
    (add-to-list 'auto-mode-alist '("\\.md\\'" . text-mode))
    (add-to-list 'eglot-server-programs `((text-mode :language-id "markdown") . (,node ,server "--stdio")))
    (find-file (or (getenv "CLAIM_LENS_DRAFT") (error "CLAIM_LENS_DRAFT is not set")))
    (apply #'eglot (eglot--guess-contact))
    (claim-lens-wait "eglot to connect" (lambda () (eglot-current-server)))
    (claim-lens-wait "flymake diagnostics" (lambda () (flymake-diagnostics)))
    (claim-lens-emit "diagnostics" `("diagnostics" . ,(vconcat (claim-lens-diagnostics))))
    (goto-char (point-min))
    (search-forward "Two drones attacked the Kremlin")
    (goto-char (match-beginning 0))
    (forward-char 4)
    (let* ((hover (jsonrpc-request (eglot--current-server-or-lose) :textDocument/hover
                                   (eglot--TextDocumentPositionParams)))
           (contents (plist-get hover :contents)))
      (claim-lens-emit "hover" `("text" . ,(if contents (eglot--hover-info contents) ""))))
    (eglot-shutdown (eglot-current-server))))

(condition-case err
    (progn (claim-lens-run) (kill-emacs 0))
  (error
   (claim-lens-emit "error" `("message" . ,(error-message-string err)))
   (kill-emacs 2)))
